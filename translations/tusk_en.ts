<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>LockWaitCheck</name>
    <message numerus="yes">
        <source>… and %n more session(s)</source>
        <translation>
            <numerusform>… and %n more session</numerusform>
            <numerusform>… and %n more sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n hidden</numerusform>
            <numerusform>%n hidden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::core::PlanImpact</name>
    <message numerus="yes">
        <source>Explaining %n query(s) before the migration…</source>
        <translation>
            <numerusform>Explaining %n query before the migration…</numerusform>
            <numerusform>Explaining %n queries before the migration…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ActivityCharts</name>
    <message numerus="yes">
        <source>Latest sample: %n session(s) blocked.</source>
        <translation>
            <numerusform>Latest sample: %n session blocked.</numerusform>
            <numerusform>Latest sample: %n sessions blocked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::FindBar</name>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::LintRulesPreferences</name>
    <message numerus="yes">
        <source>%1 sets %n rule(s) for this project (the Project column); they win over the levels here.</source>
        <translation>
            <numerusform>%1 sets %n rule for this project (the Project column); it wins over the level here.</numerusform>
            <numerusform>%1 sets %n rules for this project (the Project column); they win over the levels here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanGraphView</name>
    <message numerus="yes">
        <source>%n child node(s)</source>
        <translation>
            <numerusform>%n child node</numerusform>
            <numerusform>%n child nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanPage</name>
    <message numerus="yes">
        <source>%1 (%n node(s))</source>
        <translation>
            <numerusform>%1 (%n node)</numerusform>
            <numerusform>%1 (%n nodes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanViewer</name>
    <message numerus="yes">
        <source> %n match(es)</source>
        <translation>
            <numerusform> %n match</numerusform>
            <numerusform> %n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::RolloutPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::RolloutWizard</name>
    <message numerus="yes">
        <source>%n pending file(s), %1 steps</source>
        <translation>
            <numerusform>%n pending file, %1 steps</numerusform>
            <numerusform>%n pending files, %1 steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SessionActionPanel</name>
    <message numerus="yes">
        <source>%1 %n session(s) (%2, as of %3)?</source>
        <translation>
            <numerusform>%1 %n session (%2, as of %3)?</numerusform>
            <numerusform>%1 %n sessions (%2, as of %3)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Together they would release %n blocked session(s), by the blocking tree.</source>
        <translation>
            <numerusform>Together they would release %n blocked session, by the blocking tree.</numerusform>
            <numerusform>Together they would release %n blocked sessions, by the blocking tree.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n query(s)</source>
        <translation>
            <numerusform>Cancel %n query</numerusform>
            <numerusform>Cancel %n queries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Terminate %n session(s)</source>
        <translation>
            <numerusform>Terminate %n session</numerusform>
            <numerusform>Terminate %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel, then terminate %n</source>
        <translation>
            <numerusform>Cancel, then terminate %n</numerusform>
            <numerusform>Cancel, then terminate %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done, %n refused (also in the audit log)</source>
        <translation>
            <numerusform>Done, %n refused (also in the audit log)</numerusform>
            <numerusform>Done, %n refused (also in the audit log)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SessionTableModel</name>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SqlPage</name>
    <message numerus="yes">
        <source>%n unsaved editor tab(s) from the last session came back.</source>
        <translation>
            <numerusform>%n unsaved editor tab from the last session came back.</numerusform>
            <numerusform>%n unsaved editor tabs from the last session came back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ValueViewer</name>
    <message numerus="yes">
        <source>%n characters%1</source>
        <translation>
            <numerusform>%n character%1</numerusform>
            <numerusform>%n characters%1</numerusform>
        </translation>
    </message>
</context>
</TS>
