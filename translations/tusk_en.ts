<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tusk::widgets::ConnectionBar</name>
    <message>
        <location filename="../widgets/profiles/connectionbar.cpp" line="23"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/connectionbar.cpp" line="32"/>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/connectionbar.cpp" line="73"/>
        <source>  [production]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ConnectionStatus</name>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="57"/>
        <source>%1 · %2@%3 · PostgreSQL %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="64"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="68"/>
        <source>Connection to %1 lost, reconnecting… (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="72"/>
        <source>Not connected to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionstatus.cpp" line="73"/>
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
        <location filename="../widgets/shell/connectionsummary.cpp" line="118"/>
        <location filename="../widgets/shell/connectionsummary.cpp" line="150"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="119"/>
        <source>Pick a profile and press Connect, or add one. Without profiles, &lt;code&gt;tusk sandbox start&lt;/code&gt; makes a local server with a demo database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="128"/>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="130"/>
        <source>Through the profile &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="131"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="132"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="133"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="134"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="134"/>
        <source> (superuser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="135"/>
        <source>Backend PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="136"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="136"/>
        <source>standby (read only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="136"/>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="141"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="145"/>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/connectionsummary.cpp" line="147"/>
        <source>Reconnecting to %1…
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::MainWindow</name>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="44"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="53"/>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="54"/>
        <source>Connection profiles from postgres.toml, chosen by environment and working directory, with the local sandbox as the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="60"/>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="61"/>
        <source>The whole catalog at once: objects, their DDL, and health checks for missing foreign-key indexes, unused or invalid indexes, vacuum state and sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="63"/>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="64"/>
        <source>An SQL editor that lints migrations while you type: the lock each statement takes, table rewrites, and the online way to do the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="66"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="67"/>
        <source>EXPLAIN plans drawn as trees: exclusive times, misestimates, buffers, hints, and two plans side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="69"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="70"/>
        <source>Sessions, wait events and who blocks whom, with history, and cancel or terminate after confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="72"/>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="73"/>
        <source>Prerelease migration files and CHANGELOG entries, stepped through expand, backfill, migrate reads and contract, each with its rollback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="76"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="82"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="83"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="85"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="87"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="88"/>
        <source>&amp;About Tusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="89"/>
        <source>About Tusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="90"/>
        <source>&lt;h3&gt;Tusk %1&lt;/h3&gt;&lt;p&gt;A workbench for PostgreSQL schema, migrations and performance.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="164"/>
        <source>%1 (production)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="174"/>
        <source>Starting the sandbox in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="182"/>
        <source>The sandbox did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="191"/>
        <source>%1 on %2 — Tusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="193"/>
        <source>Tusk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileCatalog</name>
    <message>
        <location filename="../widgets/profiles/profilecatalog.cpp" line="71"/>
        <location filename="../widgets/profiles/profilecatalog.cpp" line="91"/>
        <source>This profile is not kept in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilecatalog.cpp" line="81"/>
        <source>The sandbox is not a file profile; `tusk sandbox remove` deletes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilecatalog.cpp" line="101"/>
        <source>Only a profile from a file can be the default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileDialog</name>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="42"/>
        <source>Edit profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="42"/>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="48"/>
        <source>e.g. local, staging, db_test_1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="61"/>
        <source>Project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="62"/>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="67"/>
        <source>localhost, a name, or a socket folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="71"/>
        <source>default (5432)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="75"/>
        <source>from ~/.pgpass when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="77"/>
        <source>Store it in the file, in plain text (not recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="81"/>
        <source>Anyone who can read postgres.toml can read the password. ~/.pgpass (mode 0600) keeps it out of the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="86"/>
        <source>disable (sslmode = false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="87"/>
        <source>require (sslmode = true)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="97"/>
        <source>a subfolder of the project, e.g. services/api</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="100"/>
        <source>default: [migrations].path, AGENTS.md, db/migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="107"/>
        <source>e.g. 3s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="109"/>
        <source>e.g. 5min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="110"/>
        <source>Read-only sessions (default_transaction_read_only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="114"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="116"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="118"/>
        <source>Saved &amp;in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="119"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="120"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="121"/>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="122"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="123"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="126"/>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="128"/>
        <source>&amp;sslmode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="129"/>
        <source>Root certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="130"/>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="131"/>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="133"/>
        <source>Project and safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="135"/>
        <source>P&amp;roject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="136"/>
        <source>Descrip&amp;tion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="137"/>
        <source>&amp;Migrations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="138"/>
        <source>Sa&amp;fety:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="139"/>
        <source>lock_timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="140"/>
        <source>statement_timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="143"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="145"/>
        <source>Not tested yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="231"/>
        <source>Names use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="242"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="254"/>
        <source>&lt;b&gt;Failed.&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="256"/>
        <source>&lt;b&gt;Connected&lt;/b&gt; to PostgreSQL %1 as %2 in %3 ms (round trip %4 ms), TLS %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="261"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="263"/>
        <source>&lt;br&gt;Only with sslmode %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="266"/>
        <source>Use sslmode %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="281"/>
        <source>Profile not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileManager</name>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="31"/>
        <source> (no file yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="33"/>
        <source> (broken: read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="35"/>
        <source> (pre-1: needs migration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="46"/>
        <source>&amp;Migrate to schema v1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="47"/>
        <source>Add to .&amp;gitignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="66"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="66"/>
        <location filename="../widgets/profiles/profilemanager.cpp" line="316"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="66"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="86"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="88"/>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="89"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="90"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="91"/>
        <source>D&amp;uplicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="92"/>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="93"/>
        <source>Set as de&amp;fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="94"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="155"/>
        <source>.gitignore not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="163"/>
        <source>sslmode not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="201"/>
        <source>This folder uses &lt;b&gt;%1&lt;/b&gt;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="202"/>
        <source>&lt;b&gt;Choose a profile.&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="207"/>
        <source>%1 — Tusk will not write this file until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="213"/>
        <source>%1 has no schema_version (pre-1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="221"/>
        <source>git does not ignore %1; it may hold connection details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="243"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="244"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="252"/>
        <source>Sandbox — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="257"/>
        <source>used here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="261"/>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="263"/>
        <source>plain-text password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="276"/>
        <source>hidden by the project&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="294"/>
        <source>Select a profile to see where it points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="300"/>
        <source>the file, in plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="302"/>
        <source>not needed on the sandbox&apos;s socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="306"/>
        <source>none stored (no ~/.pgpass entry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="317"/>
        <source>sslmode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="318"/>
        <source>Password from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="319"/>
        <source>Safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="320"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="321"/>
        <source>Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="322"/>
        <source> (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="325"/>
        <source>Defined in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="327"/>
        <source> (kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="339"/>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="346"/>
        <source>&lt;b&gt;%1 failed.&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="349"/>
        <source>&lt;b&gt;%1 works:&lt;/b&gt; PostgreSQL %2, database %3 as %4; connected in %5 ms, round trip %6 ms, TLS %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="355"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="358"/>
        <source>&lt;br&gt;Only with sslmode %1 (the profile&apos;s failed: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="362"/>
        <source>Save sslmode %1 in the %2 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="364"/>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="364"/>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="407"/>
        <source>Delete profile %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="408"/>
        <source>Remove [database.%1] and its comment from %2? The previous file is kept as %2.bak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="415"/>
        <source>Profile not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="423"/>
        <source>Default not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="436"/>
        <location filename="../widgets/profiles/profilemanager.cpp" line="447"/>
        <source>Cannot migrate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="440"/>
        <source>Migrate %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="441"/>
        <source>These lines change; comments and everything else stay as they are, and the previous file is kept as .bak:

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
