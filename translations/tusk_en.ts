<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>LockWaitCheck</name>
    <message numerus="yes">
        <location filename="../core/activity/lockwaitcheck.cpp" line="+332"/>
        <source>… and %n more session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <location filename="../widgets/plan/plannodeitem.cpp" line="+193"/>
        <source>%n hidden</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::core::PlanImpact</name>
    <message numerus="yes">
        <location filename="../core/rollout/planimpact.cpp" line="+91"/>
        <source>Explaining %n query(s) before the migration…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::FindBar</name>
    <message numerus="yes">
        <location filename="../widgets/sql/findbar.cpp" line="+146"/>
        <source>%n replaced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanPage</name>
    <message numerus="yes">
        <location filename="../widgets/plan/planpage.cpp" line="+247"/>
        <source>%1 (%n node(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanViewer</name>
    <message numerus="yes">
        <location filename="../widgets/plan/planviewer.cpp" line="+182"/>
        <source> %n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+98"/>
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::RolloutPage</name>
    <message numerus="yes">
        <location filename="../widgets/rollout/rolloutpage.cpp" line="+253"/>
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::RolloutWizard</name>
    <message numerus="yes">
        <location filename="../widgets/rollout/rolloutwizard.cpp" line="+242"/>
        <source>%n pending file(s), %1 steps</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SessionActionPanel</name>
    <message numerus="yes">
        <location filename="../widgets/activity/sessionactionpanel.cpp" line="+95"/>
        <source>%1 %n session(s) (%2, as of %3)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Together they would release %n blocked session(s), by the blocking tree.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Cancel %n query(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Terminate %n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Cancel, then terminate %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SessionTableModel</name>
    <message numerus="yes">
        <location filename="../widgets/activity/sessiontablemodel.cpp" line="+101"/>
        <source>%n worker(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SqlPage</name>
    <message numerus="yes">
        <location filename="../widgets/sql/sqlpage.cpp" line="+367"/>
        <source>%n unsaved editor tab(s) from the last session came back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ValueViewer</name>
    <message numerus="yes">
        <location filename="../widgets/results/valueviewer.cpp" line="+32"/>
        <source>%n characters%1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
