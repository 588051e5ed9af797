<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tusk::app::KeychainSecretStore</name>
    <message>
        <location filename="../app/keychain/keychainsecretstore.cpp" line="22"/>
        <source>the macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/keychain/keychainsecretstore.cpp" line="24"/>
        <source>the Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/keychain/keychainsecretstore.cpp" line="26"/>
        <source>the system keychain (Secret Service)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <location filename="../widgets/profiles/connectionbar.cpp" line="70"/>
        <source>  (one-off, not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/connectionbar.cpp" line="75"/>
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
        <location filename="../widgets/shell/mainwindow.cpp" line="48"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="57"/>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="58"/>
        <source>Connection profiles from postgres.toml, chosen by environment and working directory, with the local sandbox as the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="73"/>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="74"/>
        <source>The whole catalog at once: objects, their DDL, and health checks for missing foreign-key indexes, unused or invalid indexes, vacuum state and sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="76"/>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="77"/>
        <source>An SQL editor that lints migrations while you type: the lock each statement takes, table rewrites, and the online way to do the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="79"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="80"/>
        <source>EXPLAIN plans drawn as trees: exclusive times, misestimates, buffers, hints, and two plans side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="82"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="83"/>
        <source>Sessions, wait events and who blocks whom, with history, and cancel or terminate after confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="85"/>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="86"/>
        <source>Prerelease migration files and CHANGELOG entries, stepped through expand, backfill, migrate reads and contract, each with its rollback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="89"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="95"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="96"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="98"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="100"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="101"/>
        <source>&amp;About Tusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="102"/>
        <source>About Tusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="103"/>
        <source>&lt;h3&gt;Tusk %1&lt;/h3&gt;&lt;p&gt;A workbench for PostgreSQL schema, migrations and performance.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="66"/>
        <source>%1 (production)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="201"/>
        <source>Starting the sandbox in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="209"/>
        <source>The sandbox did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="218"/>
        <source>%1 on %2 — Tusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/shell/mainwindow.cpp" line="220"/>
        <source>Tusk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PasswordKeeper</name>
    <message>
        <location filename="../widgets/profiles/passwordkeeper.cpp" line="63"/>
        <source>The password for %1 was not stored: no keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordkeeper.cpp" line="68"/>
        <source>The password for %1 is in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordkeeper.cpp" line="69"/>
        <source>The password for %1 was not stored: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordkeeper.cpp" line="81"/>
        <source>The password for %1 was removed from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordkeeper.cpp" line="83"/>
        <source>The password for %1 was not removed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PasswordPrompt</name>
    <message>
        <location filename="../widgets/profiles/passwordprompt.cpp" line="20"/>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordprompt.cpp" line="34"/>
        <source>Remember it in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordprompt.cpp" line="36"/>
        <source>No keychain is available; ~/.pgpass (mode 0600) can hold it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordprompt.cpp" line="39"/>
        <source>Remember it in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordprompt.cpp" line="40"/>
        <source>Stored once the connection works, under %1. Without it, Tusk keeps the password in memory until it quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordprompt.cpp" line="46"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/passwordprompt.cpp" line="55"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileCatalog</name>
    <message>
        <location filename="../widgets/profiles/profilecatalog.cpp" line="82"/>
        <location filename="../widgets/profiles/profilecatalog.cpp" line="112"/>
        <source>This profile is not kept in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilecatalog.cpp" line="94"/>
        <source>No service was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilecatalog.cpp" line="102"/>
        <source>The sandbox is not a file profile; `tusk sandbox remove` deletes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilecatalog.cpp" line="122"/>
        <source>Only a profile from a file can be the default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileConnector</name>
    <message>
        <location filename="../widgets/profiles/profileconnector.cpp" line="61"/>
        <source>The server asks for a password, and none is stored for this role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profileconnector.cpp" line="63"/>
        <source>The server refused that password. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profileconnector.cpp" line="66"/>
        <source>The server refused the password stored in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profileconnector.cpp" line="68"/>
        <source>The server refused the password typed earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profileconnector.cpp" line="74"/>
        <source>The server refused the password in postgres.toml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profileconnector.cpp" line="76"/>
        <source>The server refused the password in the connection URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profileconnector.cpp" line="78"/>
        <source>The server refused the password in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profileconnector.cpp" line="106"/>
        <source>Not connected: no password given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileDetails</name>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="18"/>
        <source>the file, in plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="20"/>
        <source>the connection URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="22"/>
        <source>not needed on the sandbox&apos;s socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="29"/>
        <source>none stored; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="30"/>
        <source>none stored: Tusk asks when the server wants one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="49"/>
        <source>Select a profile to see where it points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="81"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="82"/>
        <source>sslmode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="83"/>
        <source>Password from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="84"/>
        <source>Safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="85"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="86"/>
        <source>Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="87"/>
        <source> (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="90"/>
        <source>Defined in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledetails.cpp" line="92"/>
        <source> (kept)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileDialog</name>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="44"/>
        <source>Edit profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="44"/>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="50"/>
        <source>e.g. local, staging, db_test_1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="63"/>
        <source>Project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="64"/>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="69"/>
        <source>localhost, a name, or a socket folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="73"/>
        <source>default (5432)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="83"/>
        <source>from ~/.pgpass or the keychain, else asked when needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="89"/>
        <source>Keep it in memory until Tusk quits; ask when needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="90"/>
        <source>In the system keychain (none available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="91"/>
        <source>In %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="94"/>
        <source>In postgres.toml, in plain text (not recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="101"/>
        <source>Anyone who can read postgres.toml can read a password in it. The keychain and ~/.pgpass (mode 0600) keep it out of the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="107"/>
        <source>disable (sslmode = false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="108"/>
        <source>require (sslmode = true)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="118"/>
        <source>a subfolder of the project, e.g. services/api</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="121"/>
        <source>default: [migrations].path, AGENTS.md, db/migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="128"/>
        <source>e.g. 3s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="130"/>
        <source>e.g. 5min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="131"/>
        <source>Read-only sessions (default_transaction_read_only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="135"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="137"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="139"/>
        <source>Saved &amp;in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="140"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="141"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="142"/>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="143"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="144"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="145"/>
        <source>&amp;Keep it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="147"/>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="149"/>
        <source>&amp;sslmode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="150"/>
        <source>Root certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="151"/>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="152"/>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="154"/>
        <source>Project and safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="156"/>
        <source>P&amp;roject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="157"/>
        <source>Descrip&amp;tion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="158"/>
        <source>&amp;Migrations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="159"/>
        <source>Sa&amp;fety:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="160"/>
        <source>lock_timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="161"/>
        <source>statement_timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="164"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="166"/>
        <source>Not tested yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="249"/>
        <source>Names use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="262"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="274"/>
        <source>&lt;b&gt;Failed.&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="276"/>
        <source>&lt;b&gt;Connected&lt;/b&gt; to PostgreSQL %1 as %2 in %3 ms (round trip %4 ms), TLS %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="281"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="283"/>
        <source>&lt;br&gt;Only with sslmode %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="286"/>
        <source>Use sslmode %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="301"/>
        <source>Profile not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profiledialog.cpp" line="343"/>
        <source>stored in %1; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileManager</name>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="33"/>
        <source> (no file yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="35"/>
        <source> (broken: read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="37"/>
        <source> (pre-1: needs migration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="48"/>
        <source>&amp;Migrate to schema v1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="49"/>
        <source>Add to .&amp;gitignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="54"/>
        <source>&amp;Save as profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="68"/>
        <source>DB_URL and --db are used once and never saved unless you ask; this asks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="73"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="73"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="73"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="89"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="91"/>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="92"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="93"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="94"/>
        <source>D&amp;uplicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="95"/>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="96"/>
        <source>Set as de&amp;fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="98"/>
        <source>&amp;Import services…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="99"/>
        <source>libpq&apos;s pg_service.conf services as profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="100"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="175"/>
        <source>.gitignore not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="183"/>
        <source>sslmode not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="229"/>
        <source>This folder uses &lt;b&gt;%1&lt;/b&gt;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="230"/>
        <source>&lt;b&gt;Choose a profile.&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="237"/>
        <source>%1 — Tusk will not write this file until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="244"/>
        <source>%1 has no schema_version (pre-1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="277"/>
        <source>One-off — used once, not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="345"/>
        <source>git does not ignore %1; it may hold connection details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="370"/>
        <source>Connected once to &lt;b&gt;%1&lt;/b&gt; (%2), not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="382"/>
        <source>Save %1 as a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="266"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="267"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="275"/>
        <source>Sandbox — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="282"/>
        <source>used here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="286"/>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="288"/>
        <source>plain-text password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="301"/>
        <source>hidden by the project&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="405"/>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="414"/>
        <source>&lt;b&gt;%1 failed.&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="417"/>
        <source>&lt;b&gt;%1 works:&lt;/b&gt; PostgreSQL %2, database %3 as %4; connected in %5 ms, round trip %6 ms, TLS %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="423"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="426"/>
        <source>&lt;br&gt;Only with sslmode %1 (the profile&apos;s failed: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="430"/>
        <source>Save sslmode %1 in the %2 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="432"/>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="432"/>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="475"/>
        <source>Delete profile %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="476"/>
        <source>Remove [database.%1] and its comment from %2? The previous file is kept as %2.bak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="483"/>
        <source>Profile not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="491"/>
        <source>Default not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="504"/>
        <location filename="../widgets/profiles/profilemanager.cpp" line="515"/>
        <source>Cannot migrate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="508"/>
        <source>Migrate %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/profilemanager.cpp" line="509"/>
        <source>These lines change; comments and everything else stay as they are, and the previous file is kept as .bak:

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ServiceImportDialog</name>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="32"/>
        <source>Import connection services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="37"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="37"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="37"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="45"/>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="48"/>
        <source>Project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="51"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="53"/>
        <source>&amp;Open another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="61"/>
        <source>Add &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="90"/>
        <source>a profile of that name exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="99"/>
        <source>No pg_service.conf was found ($PGSERVICEFILE, ~/.pg_service.conf, $PGSYSCONFDIR). Open one to import its services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="101"/>
        <source>Services in %1. Passwords stay behind: ~/.pgpass or the keychain keeps them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="121"/>
        <source>Open a connection service file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="122"/>
        <source>Service files (pg_service.conf *.conf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/profiles/serviceimportdialog.cpp" line="136"/>
        <source>Nothing imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
