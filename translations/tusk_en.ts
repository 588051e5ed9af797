<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tusk::widgets::ConnectionStatus</name>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="52"/>
        <source>%1 · %2@%3 · PostgreSQL %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="59"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="63"/>
        <source>Connection to %1 lost, reconnecting… (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="67"/>
        <source>Not connected to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="68"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ConnectionSummary</name>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="32"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="33"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="43"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="110"/>
        <location filename="../widgets/shell/connectionsummary.cpp" line="142"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="111"/>
        <source>Start the sandbox with &lt;code&gt;tusk sandbox start&lt;/code&gt; and open Tusk with &lt;code&gt;tusk --sandbox&lt;/code&gt;, or pass &lt;code&gt;--db postgresql://…&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="120"/>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="122"/>
        <source>Through the profile &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="123"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="124"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="125"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="126"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="126"/>
        <source> (superuser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="127"/>
        <source>Backend PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="128"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="128"/>
        <source>standby (read only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="128"/>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="133"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="137"/>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="139"/>
        <source>Reconnecting to %1…
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::MainWindow</name>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="33"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="42"/>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="43"/>
        <source>Connection profiles from postgres.toml, chosen by environment and working directory, with the local sandbox as the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="46"/>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="47"/>
        <source>The whole catalog at once: objects, their DDL, and health checks for missing foreign-key indexes, unused or invalid indexes, vacuum state and sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="49"/>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="50"/>
        <source>An SQL editor that lints migrations while you type: the lock each statement takes, table rewrites, and the online way to do the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="52"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="53"/>
        <source>EXPLAIN plans drawn as trees: exclusive times, misestimates, buffers, hints, and two plans side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="55"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="56"/>
        <source>Sessions, wait events and who blocks whom, with history, and cancel or terminate after confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="58"/>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="59"/>
        <source>Prerelease migration files and CHANGELOG entries, stepped through expand, backfill, migrate reads and contract, each with its rollback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="63"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="64"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="66"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="68"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="69"/>
        <source>&amp;About Tusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="70"/>
        <source>About Tusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="71"/>
        <source>&lt;h3&gt;Tusk %1&lt;/h3&gt;&lt;p&gt;A workbench for PostgreSQL schema, migrations and performance.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="140"/>
        <source>%1 on %2 — Tusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="142"/>
        <source>Tusk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
