<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ConfirmationPolicy</name>
    <message>
        <source>lock: %1</source>
        <translation>Sperre: %1</translation>
    </message>
    <message>
        <source>no table lock held for long</source>
        <translation>keine lange gehaltene Tabellensperre</translation>
    </message>
    <message>
        <source>lint: %1 %2: %3</source>
        <translation>Lint: %1 %2: %3</translation>
    </message>
    <message>
        <source>lint: no finding</source>
        <translation>Lint: kein Befund</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…und %1 weitere</translation>
    </message>
    <message>
        <source>This profile is marked safety = &quot;production&quot;. These statements change data or schema:

%1</source>
        <translation>Dieses Profil ist mit safety = &quot;production&quot; markiert. Diese Anweisungen ändern Daten oder Schema:

%1</translation>
    </message>
    <message>
        <source>Structure changes:
%1</source>
        <translation>Strukturänderungen:
%1</translation>
    </message>
    <message>
        <source>Run on production?</source>
        <translation>Auf Produktion ausführen?</translation>
    </message>
    <message>
        <source>Run them?</source>
        <translation>Ausführen?</translation>
    </message>
    <message>
        <source>Change the database structure?</source>
        <translation>Datenbankstruktur ändern?</translation>
    </message>
    <message>
        <source>These statements change the structure of the database:

%1

Run them? (confirm_ddl = false in the profile turns this question off.)</source>
        <translation>Diese Anweisungen ändern die Struktur der Datenbank:

%1

Ausführen? (confirm_ddl = false im Profil schaltet diese Frage ab.)</translation>
    </message>
</context>
<context>
    <name>EditorAutosave</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot lock %1</source>
        <translation>%1 kann nicht gesperrt werden</translation>
    </message>
</context>
<context>
    <name>GuiLauncher</name>
    <message>
        <source>The link was not opened: %1</source>
        <translation>Der Link wurde nicht geöffnet: %1</translation>
    </message>
</context>
<context>
    <name>LockWaitCheck</name>
    <message>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>prepared transaction &apos;%1&apos;</source>
        <translation>vorbereitete Transaktion &apos;%1&apos;</translation>
    </message>
    <message>
        <source>prepared %1 ago, </source>
        <translation>vorbereitet vor %1, </translation>
    </message>
    <message>
        <source>%1 for %2, </source>
        <translation>%1 seit %2, </translation>
    </message>
    <message>
        <source> (%1holds %2 on %3)</source>
        <translation> (%1hält %2 auf %3)</translation>
    </message>
    <message>
        <source>, already waiting %1 for %2 on %3</source>
        <translation>, wartet bereits seit %1 auf %2 auf %3</translation>
    </message>
    <message>
        <source>, already waiting for %1 on %2</source>
        <translation>, wartet bereits auf %1 auf %2</translation>
    </message>
    <message>
        <source>The lock check could not run (%1), so who holds locks on these tables now is unknown.</source>
        <translation>Die Sperrprüfung konnte nicht laufen (%1); daher ist unbekannt, wer jetzt Sperren auf diesen Tabellen hält.</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>%1 would wait behind %2</source>
        <translation>%1 würde hinter %2 warten</translation>
    </message>
    <message>
        <source>… and behind %1</source>
        <translation>… und hinter %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more session(s)</source>
        <translation>
            <numerusform>… und %n weitere Sitzung</numerusform>
            <numerusform>… und %n weitere Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Wait behind other sessions?</source>
        <translation>Hinter anderen Sitzungen warten?</translation>
    </message>
    <message>
        <source>This would wait behind other sessions:

%1

While it waits, every later query on these tables queues behind it. Run anyway?</source>
        <translation>Dies würde hinter anderen Sitzungen warten:

%1

Solange es wartet, reiht sich jede spätere Abfrage auf diesen Tabellen dahinter ein. Trotzdem ausführen?</translation>
    </message>
    <message>
        <source>Right now no session holds or waits for a lock these statements would wait behind.</source>
        <translation>Derzeit hält keine Sitzung eine Sperre, hinter der diese Anweisungen warten würden, und keine wartet auf eine solche.</translation>
    </message>
    <message>
        <source>Right now:
%1
While it waits, every later query on these tables queues behind it.</source>
        <translation>Derzeit:
%1
Solange es wartet, reiht sich jede spätere Abfrage auf diesen Tabellen dahinter ein.</translation>
    </message>
    <message>
        <source>the server sent no rows</source>
        <translation>der Server hat keine Zeilen gesendet</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>shown</source>
        <translation>angezeigt</translation>
    </message>
    <message>
        <source>never executed</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <source>self %1 · %2 %</source>
        <translation>selbst %1 · %2 %</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <source>rows %1 of %2 est.</source>
        <translation>Zeilen %1 von %2 gesch.</translation>
    </message>
    <message>
        <source>%1 rows est.</source>
        <translation>%1 Zeilen gesch.</translation>
    </message>
    <message>
        <source> × %1</source>
        <translation> × %1</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n ausgeblendet</numerusform>
            <numerusform>%n ausgeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Sheet written to %1</source>
        <translation>Rollout-Blatt nach %1 geschrieben</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> (autovacuum)</source>
        <translation> (Autovacuum)</translation>
    </message>
</context>
<context>
    <name>SchemaTreeModel</name>
    <message>
        <source>locked by session %1</source>
        <translation>gesperrt durch Sitzung %1</translation>
    </message>
    <message>
        <source>1 partition</source>
        <translation>1 Partition</translation>
    </message>
    <message>
        <source>%1 partitions</source>
        <translation>%1 Partitionen</translation>
    </message>
    <message>
        <source>never analyzed</source>
        <translation>nie analysiert</translation>
    </message>
    <message>
        <source>~%1 rows</source>
        <translation>~%1 Zeilen</translation>
    </message>
    <message>
        <source>enum</source>
        <translation>Enum</translation>
    </message>
    <message>
        <source>domain over %1</source>
        <translation>Domäne über %1</translation>
    </message>
    <message>
        <source>composite</source>
        <translation>zusammengesetzt</translation>
    </message>
</context>
<context>
    <name>WorkspaceTarget</name>
    <message>
        <source>%1 (production)</source>
        <translation>%1 (Produktion)</translation>
    </message>
</context>
<context>
    <name>tusk::app::KeychainSecretStore</name>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>the Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>the system keychain (Secret Service)</source>
        <translation>System-Schlüsselbund (Secret Service)</translation>
    </message>
</context>
<context>
    <name>tusk::core::PasswordKeeper</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The password for %1 was not stored: no keychain.</source>
        <translation>Das Passwort für %1 wurde nicht gespeichert: kein Schlüsselbund.</translation>
    </message>
    <message>
        <source>The password for %1 is in %2.</source>
        <translation>Das Passwort für %1 liegt im Passwortspeicher des Systems (%2).</translation>
    </message>
    <message>
        <source>The password for %1 was not stored: %2.</source>
        <translation>Das Passwort für %1 wurde nicht gespeichert: %2.</translation>
    </message>
    <message>
        <source>The password for %1 was removed from %2.</source>
        <translation>Das Passwort für %1 wurde aus dem Passwortspeicher des Systems (%2) entfernt.</translation>
    </message>
    <message>
        <source>The password for %1 was not removed: %2.</source>
        <translation>Das Passwort für %1 wurde nicht entfernt: %2.</translation>
    </message>
</context>
<context>
    <name>tusk::core::PlanImpact</name>
    <message>
        <source>Cannot open the scratch database: %1</source>
        <translation>Die Scratch-Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Explaining %n query(s) before the migration…</source>
        <translation>
            <numerusform>%n Abfrage wird vor der Migration mit EXPLAIN untersucht…</numerusform>
            <numerusform>%n Abfragen werden vor der Migration mit EXPLAIN untersucht…</numerusform>
        </translation>
    </message>
    <message>
        <source>pg_stat_statements is not installed in the target database: give the queries with --queries FILE</source>
        <translation>pg_stat_statements ist in der Zieldatenbank nicht installiert: Geben Sie die Abfragen mit --queries FILE an</translation>
    </message>
    <message>
        <source>pg_stat_statements: %1 calls, %2 ms in all</source>
        <translation>pg_stat_statements: %1 Aufrufe, insgesamt %2 ms</translation>
    </message>
    <message>
        <source>after the migration: %1</source>
        <translation>nach der Migration: %1</translation>
    </message>
    <message>
        <source>before the migration: %1</source>
        <translation>vor der Migration: %1</translation>
    </message>
    <message>
        <source>Explaining again after the migration…</source>
        <translation>Die Abfragen werden nach der Migration erneut mit EXPLAIN untersucht…</translation>
    </message>
    <message>
        <source>Running the migration on the scratch database…</source>
        <translation>Die Migration wird auf der Scratch-Datenbank ausgeführt…</translation>
    </message>
    <message>
        <source>The migration failed on the scratch database at statement %1 (%2): %3</source>
        <translation>Die Migration ist auf der Scratch-Datenbank bei Anweisung %1 fehlgeschlagen (%2): %3</translation>
    </message>
</context>
<context>
    <name>tusk::core::PlanImpactRun</name>
    <message>
        <source>Reading the target&apos;s top %1 queries from pg_stat_statements…</source>
        <translation>Die Top-%1-Abfragen des Ziels werden aus pg_stat_statements gelesen…</translation>
    </message>
    <message>
        <source>Kept %1</source>
        <translation>%1 bleibt erhalten</translation>
    </message>
</context>
<context>
    <name>tusk::core::ProfileRegistry</name>
    <message>
        <source>This profile is not kept in a file.</source>
        <translation>Dieses Profil ist nicht in einer Datei gespeichert.</translation>
    </message>
    <message>
        <source>No service was chosen.</source>
        <translation>Es wurde kein Dienst ausgewählt.</translation>
    </message>
    <message>
        <source>The sandbox is not a file profile; `tusk sandbox remove` deletes it.</source>
        <translation>Die Sandbox ist kein Dateiprofil; `tusk sandbox remove` löscht sie.</translation>
    </message>
    <message>
        <source>Only a profile from a file can be the default.</source>
        <translation>Nur ein Profil aus einer Datei kann der Standard sein.</translation>
    </message>
</context>
<context>
    <name>tusk::core::QueryRunner</name>
    <message>
        <source>Read-only: from the next transaction on, writes are refused.</source>
        <translation>Schreibgeschützt: Ab der nächsten Transaktion werden Schreibzugriffe verweigert.</translation>
    </message>
    <message>
        <source>Read-write: from the next transaction on.</source>
        <translation>Lesen und Schreiben: ab der nächsten Transaktion.</translation>
    </message>
    <message>
        <source>The connection was lost (%1); an open transaction was rolled back by the server. Tusk reconnects by itself.</source>
        <translation>Die Verbindung ist verloren gegangen (%1); eine offene Transaktion wurde vom Server zurückgerollt. Tusk verbindet sich von selbst neu.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>no session yet</source>
        <translation>noch keine Sitzung</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>in transaction</source>
        <translation>in Transaktion</translation>
    </message>
    <message>
        <source>failed transaction</source>
        <translation>Transaktion fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>tusk::core::RolloutSession</name>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>ran</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <source>gate holds</source>
        <translation>Gate erfüllt</translation>
    </message>
    <message>
        <source>gate does not hold</source>
        <translation>Gate nicht erfüllt</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Step %1&apos;s gate does not hold: %2</source>
        <translation>Das Gate von Schritt %1 ist nicht erfüllt: %2</translation>
    </message>
    <message>
        <source>Step %1 is the application&apos;s: mark it done once it is deployed</source>
        <translation>Schritt %1 gehört zur Anwendung: Markieren Sie ihn als erledigt, sobald er ausgerollt ist</translation>
    </message>
    <message>
        <source>Step %1 has not passed its gate (%2)</source>
        <translation>Das Gate von Schritt %1 ist noch nicht erfüllt (%2)</translation>
    </message>
    <message>
        <source>Dry run: %1 proven, %2 failed, %3 without rollback</source>
        <translation>Probelauf: %1 nachgewiesen, %2 fehlgeschlagen, %3 ohne Rollback</translation>
    </message>
    <message>
        <source>Dry run: %1</source>
        <translation>Probelauf: %1</translation>
    </message>
    <message>
        <source>Dry run: making a scratch database</source>
        <translation>Probelauf: Scratch-Datenbank wird angelegt</translation>
    </message>
    <message>
        <source>Step %1: running</source>
        <translation>Schritt %1: läuft</translation>
    </message>
    <message>
        <source>Step %1 failed: %2</source>
        <translation>Schritt %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Step %1 ran</source>
        <translation>Schritt %1 ausgeführt</translation>
    </message>
    <message>
        <source>Step %1: dropping the invalid index %2 a failed build left</source>
        <translation>Schritt %1: Der ungültige Index %2, den ein fehlgeschlagener Aufbau hinterlassen hat, wird gelöscht</translation>
    </message>
    <message>
        <source>Step %1: the invalid index could not be dropped: %2</source>
        <translation>Schritt %1: Der ungültige Index konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Step %1&apos;s backfill stopped: %2 (run it again to resume)</source>
        <translation>Backfill von Schritt %1 angehalten: %2 (zum Fortsetzen erneut ausführen)</translation>
    </message>
    <message>
        <source>Step %1&apos;s backfill is done</source>
        <translation>Backfill von Schritt %1 ist abgeschlossen</translation>
    </message>
    <message>
        <source>Step %1&apos;s gate: %2</source>
        <translation>Gate von Schritt %1: %2</translation>
    </message>
    <message>
        <source>Step %1: the gate holds</source>
        <translation>Schritt %1: Das Gate ist erfüllt</translation>
    </message>
    <message>
        <source>Step %1: the gate does not hold</source>
        <translation>Schritt %1: Das Gate ist nicht erfüllt</translation>
    </message>
    <message>
        <source>Step %1 has no safe rollback: %2</source>
        <translation>Schritt %1 hat keinen sicheren Rollback: %2</translation>
    </message>
    <message>
        <source>Step %1: nothing to undo</source>
        <translation>Schritt %1: nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Step %1&apos;s rollback failed: %2</source>
        <translation>Rollback von Schritt %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Step %1 rolled back</source>
        <translation>Schritt %1 zurückgerollt</translation>
    </message>
    <message>
        <source>✓ the reviewer confirmed the application&apos;s step</source>
        <translation>✓ der Prüfer hat den Anwendungsschritt bestätigt</translation>
    </message>
    <message>
        <source>Step %1 marked done</source>
        <translation>Schritt %1 als erledigt markiert</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ActivityCharts</name>
    <message>
        <source>Sessions by state</source>
        <translation>Sitzungen nach Zustand</translation>
    </message>
    <message>
        <source>Waiting sessions by wait event type</source>
        <translation>Wartende Sitzungen nach Art des Warteereignisses</translation>
    </message>
    <message>
        <source>Blocked sessions; commits and rollbacks per second</source>
        <translation>Blockierte Sitzungen; Commits und Rollbacks pro Sekunde</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>commits/s</source>
        <translation>Commits/s</translation>
    </message>
    <message>
        <source>rollbacks/s</source>
        <translation>Rollbacks/s</translation>
    </message>
    <message>
        <source>No samples yet.</source>
        <translation>Noch keine Stichproben.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Latest sample: %1.</source>
        <translation>Letzte Stichprobe: %1.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Latest sample: no session waiting.</source>
        <translation>Letzte Stichprobe: keine Sitzung wartet.</translation>
    </message>
    <message numerus="yes">
        <source>Latest sample: %n session(s) blocked.</source>
        <translation>
            <numerusform>Letzte Stichprobe: %n Sitzung blockiert.</numerusform>
            <numerusform>Letzte Stichprobe: %n Sitzungen blockiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ActivityDetailTabs</name>
    <message>
        <source>Who blocks whom</source>
        <translation>Wer wen blockiert</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>Kante</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Hält</translation>
    </message>
    <message>
        <source>Wants</source>
        <translation>Verlangt</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Lock queues</source>
        <translation>Sperrwarteschlangen</translation>
    </message>
    <message>
        <source>Object / session</source>
        <translation>Objekt / Sitzung</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Progress of long operations</source>
        <translation>Fortschritt langer Vorgänge</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>Wartet auf</translation>
    </message>
    <message>
        <source>Blocking Tree</source>
        <translation>Blockierbaum</translation>
    </message>
    <message>
        <source>Lock Queues</source>
        <translation>Sperrwarteschlangen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Cancel Query of %1…</source>
        <translation>Abfrage von %1 abbrechen…</translation>
    </message>
    <message>
        <source>Terminate %1…</source>
        <translation>%1 beenden…</translation>
    </message>
    <message>
        <source>prepared %1</source>
        <translation>vorbereitet %1</translation>
    </message>
    <message>
        <source> — blocks %1</source>
        <translation> — blockiert %1</translation>
    </message>
    <message>
        <source>%1 parallel worker</source>
        <translation>%1 paralleler Worker</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>hart</translation>
    </message>
    <message>
        <source>soft</source>
        <translation>weich</translation>
    </message>
    <message>
        <source>deadlock in progress: %1</source>
        <translation>Deadlock im Gange: %1</translation>
    </message>
    <message>
        <source>No session waits for a lock</source>
        <translation>Keine Sitzung wartet auf eine Sperre</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>hält</translation>
    </message>
    <message>
        <source>waits</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>No CREATE INDEX, VACUUM, CLUSTER, ANALYZE, COPY or base backup under way</source>
        <translation>Kein CREATE INDEX, VACUUM, CLUSTER, ANALYZE, COPY oder Basis-Backup in Arbeit</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ActivityPage</name>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Parallel workers</source>
        <translation>Parallele Worker</translation>
    </message>
    <message>
        <source>This database only</source>
        <translation>Nur diese Datenbank</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Filter every column</source>
        <translation>Alle Spalten filtern</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Statements and Waits</source>
        <translation>Anweisungen und Wartezeiten</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>from the tree</source>
        <translation>aus dem Baum</translation>
    </message>
    <message>
        <source>Not sampled: %1</source>
        <translation>Keine Stichprobe genommen: %1</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Sessions, who blocks whom and the lock queues, refreshed every second.</source>
        <translation>Sitzungen, wer wen blockiert, und die Sperrwarteschlangen, jede Sekunde aktualisiert.</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <source>When sessions are highlighted and when Tusk says so on the desktop</source>
        <translation>Wann Sitzungen hervorgehoben werden und wann Tusk auf dem Desktop darauf hinweist</translation>
    </message>
    <message>
        <source>%1 sessions, %2 waiting for a lock; sampled in %3 ms%4</source>
        <translation>%1 Sitzungen, %2 warten auf eine Sperre; Stichprobe in %3 ms%4</translation>
    </message>
    <message>
        <source> (others&apos; queries hidden: pg_read_all_stats would show them)</source>
        <translation> (Abfragen anderer ausgeblendet: pg_read_all_stats würde sie zeigen)</translation>
    </message>
    <message>
        <source>Cannot read that sample: %1</source>
        <translation>Diese Stichprobe kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>(recorded)</source>
        <translation>(aufgezeichnet)</translation>
    </message>
    <message>
        <source>(%1 ago)</source>
        <translation>(vor %1)</translation>
    </message>
    <message>
        <source>Not recording: %1</source>
        <translation>Keine Aufzeichnung: %1</translation>
    </message>
    <message>
        <source>Stop Recording (%1)</source>
        <translation>Aufzeichnung beenden (%1)</translation>
    </message>
    <message>
        <source>Recorded %1 samples to %2</source>
        <translation>%1 Stichproben in %2 aufgezeichnet</translation>
    </message>
    <message>
        <source>Stop Recording</source>
        <translation>Aufzeichnung beenden</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no samples</source>
        <translation>%1 enthält keine Stichproben</translation>
    </message>
    <message>
        <source>%1: %2 samples of %3</source>
        <translation>%1: %2 Stichproben von %3</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ActivityThresholdsForm</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Highlight a query running longer than</source>
        <translation>Abfrage hervorheben, die länger läuft als</translation>
    </message>
    <message>
        <source>Highlight idle in transaction after</source>
        <translation>„idle in transaction“ hervorheben nach</translation>
    </message>
    <message>
        <source>Notify when a session has waited on a lock</source>
        <translation>Benachrichtigen, wenn eine Sitzung auf eine Sperre wartet, nach</translation>
    </message>
    <message>
        <source>Notify when idle in transaction for</source>
        <translation>Benachrichtigen bei „idle in transaction“ nach</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>Desktop-Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ActivityTimeline</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Follow the server; off while you look at an earlier moment</source>
        <translation>Dem Server folgen; aus, solange Sie einen früheren Zeitpunkt ansehen</translation>
    </message>
    <message>
        <source>The grid and the tree as they were at any moment kept</source>
        <translation>Tabelle und Baum, wie sie zu jedem aufbewahrten Zeitpunkt waren</translation>
    </message>
    <message>
        <source>last 5 min</source>
        <translation>letzte 5 min</translation>
    </message>
    <message>
        <source>last 15 min</source>
        <translation>letzte 15 min</translation>
    </message>
    <message>
        <source>last hour</source>
        <translation>letzte Stunde</translation>
    </message>
    <message>
        <source>What the charts and the statement differences cover</source>
        <translation>Zeitraum der Diagramme und der Anweisungsdifferenzen</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Aufzeichnen…</translation>
    </message>
    <message>
        <source>Record every sample to a file (SQLite) to open later</source>
        <translation>Jede Stichprobe in eine Datei (SQLite) aufzeichnen, um sie später zu öffnen</translation>
    </message>
    <message>
        <source>Open Recording…</source>
        <translation>Aufzeichnung öffnen…</translation>
    </message>
    <message>
        <source>Record Activity To</source>
        <translation>Aktivität aufzeichnen nach</translation>
    </message>
    <message>
        <source>Open Activity Recording</source>
        <translation>Aktivitätsaufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Activity recordings (*.tuskactivity *.sqlite);;All files (*)</source>
        <translation>Aktivitätsaufzeichnungen (*.tuskactivity *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 samples, %2 to %3</source>
        <translation>%1 Stichproben, %2 bis %3</translation>
    </message>
    <message>
        <source>Close Recording</source>
        <translation>Aufzeichnung schließen</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::AddToMigrationBar</name>
    <message>
        <source>Add to Migration</source>
        <translation>Zur Migration hinzufügen</translation>
    </message>
    <message>
        <source>Append these statements to the latest pending migration file; its CHANGELOG entry follows</source>
        <translation>Diese Anweisungen an die neueste ausstehende Migrationsdatei anhängen; ihr CHANGELOG-Eintrag folgt</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>The structure changed. Add the statement that ran to the migration?</source>
        <translation>Die Struktur hat sich geändert. Die ausgeführte Anweisung zur Migration hinzufügen?</translation>
    </message>
    <message>
        <source>The structure changed. Add the %1 statements that ran to the migration?</source>
        <translation>Die Struktur hat sich geändert. Die %1 ausgeführten Anweisungen zur Migration hinzufügen?</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ConnectionBar</name>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>  (one-off, not saved)</source>
        <translation>  (einmalig, nicht gespeichert)</translation>
    </message>
    <message>
        <source>  [production]</source>
        <translation>  [Produktion]</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ConnectionStatus</name>
    <message>
        <source>%1 · %2@%3 · PostgreSQL %4</source>
        <translation>%1 · %2@%3 · PostgreSQL %4</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Connection to %1 lost, reconnecting… (%2)</source>
        <translation>Verbindung zu %1 verloren, neuer Verbindungsversuch… (%2)</translation>
    </message>
    <message>
        <source>Not connected to %1: %2</source>
        <translation>Nicht verbunden mit %1: %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ConnectionSummary</name>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Pick a profile and press Connect, or add one. Without profiles, &lt;code&gt;tusk sandbox start&lt;/code&gt; makes a local server with a demo database.</source>
        <translation>Wählen Sie ein Profil und klicken Sie auf „Verbinden“, oder fügen Sie eines hinzu. Ohne Profile erstellt &lt;code&gt;tusk sandbox start&lt;/code&gt; einen lokalen Server mit einer Demo-Datenbank.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Through the profile &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Über das Profil &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source> (superuser)</source>
        <translation> (Superuser)</translation>
    </message>
    <message>
        <source>Backend PID</source>
        <translation>Backend-PID</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>standby (read only)</source>
        <translation>Standby (schreibgeschützt)</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Reconnecting to %1…
%2</source>
        <translation>Verbindung zu %1 wird wiederhergestellt…
%2</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::DesktopNotifier</name>
    <message>
        <source>no session bus</source>
        <translation>kein Sitzungsbus</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::FindBar</name>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::HealthFindingsModel</name>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::HealthView</name>
    <message>
        <source>Copy fix</source>
        <translation>Korrektur kopieren</translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation>Im Editor öffnen</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Keine Befunde.</translation>
    </message>
    <message>
        <source>Checking health: the definitions are being read…</source>
        <translation>Zustandsprüfung: Die Definitionen werden gelesen…</translation>
    </message>
    <message>
        <source>&lt;br&gt;Rollback: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>&lt;br&gt;Rollback: &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>-- nothing to fix: this finding informs</source>
        <translation>-- nichts zu korrigieren: dieser Befund dient nur der Information</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::LintFindingsModel</name>
    <message>
        <source>%1 (quick fix)</source>
        <translation>%1 (Schnellkorrektur)</translation>
    </message>
    <message>
        <source>Lock: %1</source>
        <translation>Sperre: %1</translation>
    </message>
    <message>
        <source>Instead: %1</source>
        <translation>Stattdessen: %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::LintRulesPreferences</name>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Write to the Project&apos;s .tusk-lint.toml</source>
        <translation>In die .tusk-lint.toml des Projekts schreiben</translation>
    </message>
    <message>
        <source>Each rule&apos;s level in the SQL editor and in &lt;code&gt;tusk lint&lt;/code&gt;, saved in %1. A project&apos;s .tusk-lint.toml wins over it.</source>
        <translation>Der Schweregrad jeder Regel im SQL-Editor und in &lt;code&gt;tusk lint&lt;/code&gt;, gespeichert in %1. Die .tusk-lint.toml eines Projekts hat Vorrang davor.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Level of %1</source>
        <translation>Schweregrad von %1</translation>
    </message>
    <message>
        <source>No project here (a folder holding .git)</source>
        <translation>Hier ist kein Projekt (ein Ordner mit .git)</translation>
    </message>
    <message>
        <source>The levels chosen here, for everyone who works on %1</source>
        <translation>Die hier gewählten Schweregrade, für alle, die an %1 arbeiten</translation>
    </message>
    <message>
        <source>The lint settings were not saved: %1</source>
        <translation>Die Lint-Einstellungen wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>Wrote %1: commit it so the team lints alike.</source>
        <translation>%1 geschrieben: Committen Sie die Datei, damit das ganze Team gleich prüft.</translation>
    </message>
    <message>
        <source>The project&apos;s file cannot be read, so it applies nothing: %1</source>
        <translation>Die Datei des Projekts kann nicht gelesen werden und wirkt daher nicht: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 sets %n rule(s) for this project (the Project column); they win over the levels here.</source>
        <translation>
            <numerusform>%1 legt %n Regel für dieses Projekt fest (Spalte „Projekt“); sie hat Vorrang vor den Schweregraden hier.</numerusform>
            <numerusform>%1 legt %n Regeln für dieses Projekt fest (Spalte „Projekt“); sie haben Vorrang vor den Schweregraden hier.</numerusform>
        </translation>
    </message>
    <message>
        <source>No project here: these levels apply everywhere.</source>
        <translation>Hier ist kein Projekt: Diese Schweregrade gelten überall.</translation>
    </message>
    <message>
        <source>This project has no .tusk-lint.toml: these levels apply.</source>
        <translation>Dieses Projekt hat keine .tusk-lint.toml: Diese Schweregrade gelten.</translation>
    </message>
    <message>
        <source>%1 was not written: it does not read (%2)</source>
        <translation>%1 wurde nicht geschrieben: Die Datei lässt sich nicht lesen (%2)</translation>
    </message>
    <message>
        <source>Your lint.toml cannot be read, so it applies nothing and changes here are not saved until it is fixed: %1</source>
        <translation>Ihre lint.toml lässt sich nicht lesen: Sie gilt nicht, und Änderungen hier werden erst gespeichert, wenn sie korrigiert ist: %1</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::LintSizesMenu</name>
    <message>
        <source>Table Sizes for Lint</source>
        <translation>Tabellengrößen für Lint</translation>
    </message>
    <message>
        <source>Whose table sizes may lower a lint finding: only the database the migration runs on says a table is small</source>
        <translation>Wessen Tabellengrößen einen Lint-Befund abschwächen dürfen: Nur die Datenbank, auf der die Migration läuft, kann sagen, dass eine Tabelle klein ist</translation>
    </message>
    <message>
        <source>Table sizes from %1 could not be read: %2</source>
        <translation>Tabellengrößen von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The Connected Database (trusted only for production)</source>
        <translation>Die verbundene Datenbank (nur bei Produktion vertrauenswürdig)</translation>
    </message>
    <message>
        <source>Lint: table sizes from the connected database, trusted only when its profile is marked production</source>
        <translation>Lint: Tabellengrößen aus der verbundenen Datenbank, nur vertrauenswürdig, wenn ihr Profil als Produktion markiert ist</translation>
    </message>
    <message>
        <source>Table sizes from %1: no such profile</source>
        <translation>Tabellengrößen von %1: kein solches Profil</translation>
    </message>
    <message>
        <source>Table sizes from %1: %2</source>
        <translation>Tabellengrößen von %1: %2</translation>
    </message>
    <message>
        <source>Lint: table sizes from %1</source>
        <translation>Lint: Tabellengrößen von %1</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::MainWindow</name>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Tusk</source>
        <translation>Ü&amp;ber Tusk</translation>
    </message>
    <message>
        <source>About Tusk</source>
        <translation>Über Tusk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tusk %1&lt;/h3&gt;&lt;p&gt;A workbench for PostgreSQL schema, migrations and performance.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tusk %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für PostgreSQL-Schemas, Migrationen und Performance.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Starting the sandbox in %1…</source>
        <translation>Sandbox wird in %1 gestartet…</translation>
    </message>
    <message>
        <source>The sandbox did not start: %1</source>
        <translation>Die Sandbox ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>%1 on %2 — Tusk</source>
        <translation>%1 auf %2 — Tusk</translation>
    </message>
    <message>
        <source>Tusk</source>
        <translation>Tusk</translation>
    </message>
    <message>
        <source>Connect to a Link?</source>
        <translation>Mit einem Link verbinden?</translation>
    </message>
    <message>
        <source>A link asks Tusk to connect to &lt;b&gt;%1&lt;/b&gt; as &lt;b&gt;%2&lt;/b&gt;, database &lt;b&gt;%3&lt;/b&gt;. Connect only to servers you trust: the server you connect to sees who you are.</source>
        <translation>Ein Link möchte, dass Tusk sich mit &lt;b&gt;%1&lt;/b&gt; als &lt;b&gt;%2&lt;/b&gt; verbindet, Datenbank &lt;b&gt;%3&lt;/b&gt;. Verbinden Sie sich nur mit Servern, denen Sie vertrauen: Der Server sieht, wer Sie sind.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ObjectDetails</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Nullable</source>
        <translation>NULL erlaubt</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Dependency</source>
        <translation>Abhängigkeit</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiken</translation>
    </message>
    <message>
        <source>DDL</source>
        <translation>DDL</translation>
    </message>
    <message>
        <source>Dependents</source>
        <translation>Abhängige Objekte</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Health (%1)</source>
        <translation>Zustand (%1)</translation>
    </message>
    <message>
        <source>enum label</source>
        <translation>Enum-Label</translation>
    </message>
    <message>
        <source>(locked)</source>
        <translation>(gesperrt)</translation>
    </message>
    <message>
        <source>identity, always</source>
        <translation>Identity (ALWAYS)</translation>
    </message>
    <message>
        <source>identity, by default</source>
        <translation>Identity (BY DEFAULT)</translation>
    </message>
    <message>
        <source>generated: %1</source>
        <translation>generiert: %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>unique</source>
        <translation>eindeutig</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>partiell</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>INVALID</translation>
    </message>
    <message>
        <source>NOT VALID</source>
        <translation>NOT VALID</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Partition of</source>
        <translation>Partition von</translation>
    </message>
    <message>
        <source>Partitioned by</source>
        <translation>Partitioniert nach</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Letzter Wert</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Rows (estimate)</source>
        <translation>Zeilen (Schätzung)</translation>
    </message>
    <message>
        <source>never analyzed</source>
        <translation>nie analysiert</translation>
    </message>
    <message>
        <source>Table size</source>
        <translation>Tabellengröße</translation>
    </message>
    <message>
        <source>TOAST size</source>
        <translation>TOAST-Größe</translation>
    </message>
    <message>
        <source>Index size</source>
        <translation>Indexgröße</translation>
    </message>
    <message>
        <source>Total (as of last VACUUM/ANALYZE)</source>
        <translation>Gesamt (Stand letztes VACUUM/ANALYZE)</translation>
    </message>
    <message>
        <source>Live tuples</source>
        <translation>Lebende Tupel</translation>
    </message>
    <message>
        <source>Dead tuples</source>
        <translation>Tote Tupel</translation>
    </message>
    <message>
        <source>Sequential scans</source>
        <translation>Sequenzielle Scans</translation>
    </message>
    <message>
        <source>Index scans</source>
        <translation>Index-Scans</translation>
    </message>
    <message>
        <source>Modified since analyze</source>
        <translation>Geändert seit ANALYZE</translation>
    </message>
    <message>
        <source>Last vacuum</source>
        <translation>Letztes VACUUM</translation>
    </message>
    <message>
        <source>Last analyze</source>
        <translation>Letztes ANALYZE</translation>
    </message>
    <message>
        <source>Storage options</source>
        <translation>Speicheroptionen</translation>
    </message>
    <message>
        <source>Total (exact, now)</source>
        <translation>Gesamt (exakt, jetzt)</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>-- reading the definition…</source>
        <translation>-- Definition wird gelesen…</translation>
    </message>
    <message>
        <source>foreign key %1 on %2</source>
        <translation>Fremdschlüssel %1 auf %2</translation>
    </message>
    <message>
        <source>references</source>
        <translation>referenziert</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PasswordPrompt</name>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>Remember it in the system keychain</source>
        <translation>Im System-Schlüsselbund merken</translation>
    </message>
    <message>
        <source>No keychain is available; ~/.pgpass (mode 0600) can hold it instead.</source>
        <translation>Kein Schlüsselbund verfügbar; stattdessen kann ~/.pgpass (Modus 0600) es aufnehmen.</translation>
    </message>
    <message>
        <source>Remember it in %1</source>
        <translation>Im Passwortspeicher merken (%1)</translation>
    </message>
    <message>
        <source>Stored once the connection works, under %1. Without it, Tusk keeps the password in memory until it quits.</source>
        <translation>Wird unter %1 gespeichert, sobald die Verbindung funktioniert. Ohne diese Option behält Tusk das Passwort im Speicher, bis es beendet wird.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanComparisonModel</name>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Self before</source>
        <translation>Eigenzeit vorher</translation>
    </message>
    <message>
        <source>Self after</source>
        <translation>Eigenzeit nachher</translation>
    </message>
    <message>
        <source>Δ self</source>
        <translation>Δ Eigenzeit</translation>
    </message>
    <message>
        <source>Rows before</source>
        <translation>Zeilen vorher</translation>
    </message>
    <message>
        <source>Rows after</source>
        <translation>Zeilen nachher</translation>
    </message>
    <message>
        <source>Blocks before</source>
        <translation>Blöcke vorher</translation>
    </message>
    <message>
        <source>Blocks after</source>
        <translation>Blöcke nachher</translation>
    </message>
    <message>
        <source>Δ blocks</source>
        <translation>Δ Blöcke</translation>
    </message>
    <message>
        <source>Cost before</source>
        <translation>Kosten vorher</translation>
    </message>
    <message>
        <source>Cost after</source>
        <translation>Kosten nachher</translation>
    </message>
    <message>
        <source>Δ cost</source>
        <translation>Δ Kosten</translation>
    </message>
    <message>
        <source>Est. rows before</source>
        <translation>Gesch. Zeilen vorher</translation>
    </message>
    <message>
        <source>Est. rows after</source>
        <translation>Gesch. Zeilen nachher</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanComparisonView</name>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before&lt;/b&gt;: %1 — %2</source>
        <translation>&lt;b&gt;Vorher&lt;/b&gt;: %1 — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;After&lt;/b&gt;: %1 — %2</source>
        <translation>&lt;b&gt;Nachher&lt;/b&gt;: %1 — %2</translation>
    </message>
    <message>
        <source> (%1%2 %)</source>
        <translation> (%1%2 %)</translation>
    </message>
    <message>
        <source>Estimated cost %1 → &lt;b&gt;%2&lt;/b&gt;%3 (no timing: compared by the planner&apos;s estimates)</source>
        <translation>Geschätzte Kosten %1 → &lt;b&gt;%2&lt;/b&gt;%3 (keine Zeitmessung: verglichen anhand der Schätzungen des Planers)</translation>
    </message>
    <message>
        <source>Execution %1 → &lt;b&gt;%2&lt;/b&gt;%3</source>
        <translation>Ausführung %1 → &lt;b&gt;%2&lt;/b&gt;%3</translation>
    </message>
    <message>
        <source>%1 · %2 matched node(s): &lt;span style=&apos;color:%3&apos;&gt;%4 changed&lt;/span&gt;, &lt;span style=&apos;color:%5&apos;&gt;%6 added&lt;/span&gt;, &lt;span style=&apos;color:%7&apos;&gt;%8 removed&lt;/span&gt;</source>
        <translation>%1 · %2 zugeordnete Knoten: &lt;span style=&apos;color:%3&apos;&gt;%4 geändert&lt;/span&gt;, &lt;span style=&apos;color:%5&apos;&gt;%6 hinzugefügt&lt;/span&gt;, &lt;span style=&apos;color:%7&apos;&gt;%8 entfernt&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanDetailsView</name>
    <message>
        <source>Details of the selected node</source>
        <translation>Details des ausgewählten Knotens</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Select a node to see its details.</source>
        <translation>Wählen Sie einen Knoten aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Subplan</source>
        <translation>Subplan</translation>
    </message>
    <message>
        <source>Parent relationship</source>
        <translation>Elternbeziehung</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>%1 (%2 % of the execution)</source>
        <translation>%1 (%2 % der Ausführung)</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>%1 (leader and workers share the node)</source>
        <translation>%1 (Leader und Worker teilen sich den Knoten)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>%1 per loop × %2 loop(s) = %3</source>
        <translation>%1 pro Schleife × %2 Schleife(n) = %3</translation>
    </message>
    <message>
        <source>Estimated rows</source>
        <translation>Geschätzte Zeilen</translation>
    </message>
    <message>
        <source>Misestimate</source>
        <translation>Fehlschätzung</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>more rows than estimated</source>
        <translation>mehr Zeilen als geschätzt</translation>
    </message>
    <message>
        <source>fewer rows than estimated</source>
        <translation>weniger Zeilen als geschätzt</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Own buffers</source>
        <translation>Eigene Puffer</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Conditions and keys</source>
        <translation>Bedingungen und Schlüssel</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>All fields from EXPLAIN</source>
        <translation>Alle Felder aus EXPLAIN</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanGraphView</name>
    <message>
        <source>Graphical plan</source>
        <translation>Grafischer Plan</translation>
    </message>
    <message>
        <source>No node selected. Arrow keys move between nodes.</source>
        <translation>Kein Knoten ausgewählt. Mit den Pfeiltasten wechseln Sie zwischen Knoten.</translation>
    </message>
    <message>
        <source>own time %1, %2 % of the total</source>
        <translation>eigene Zeit %1, %2 % der Gesamtzeit</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message numerus="yes">
        <source>%n child node(s)</source>
        <translation>
            <numerusform>%n Kindknoten</numerusform>
            <numerusform>%n Kindknoten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanImpactPanel</name>
    <message>
        <source>The target&apos;s top</source>
        <translation>Vom Ziel die Top</translation>
    </message>
    <message>
        <source>The queries of</source>
        <translation>Die Abfragen aus</translation>
    </message>
    <message>
        <source>Run on a Scratch Database</source>
        <translation>Auf einer Scratch-Datenbank ausführen</translation>
    </message>
    <message>
        <source> queries of pg_stat_statements</source>
        <translation> Abfragen aus pg_stat_statements</translation>
    </message>
    <message>
        <source>a .sql file, one query per statement</source>
        <translation>eine .sql-Datei, eine Abfrage pro Anweisung</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>cost grows past ×</source>
        <translation>Kosten wachsen über ×</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Cost before → after</source>
        <translation>Kosten vorher → nachher</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>The pending migration runs on a scratch database made on the sandbox, never on the target; each query is explained there before and after.</source>
        <translation>Die ausstehende Migration läuft auf einer Scratch-Datenbank, die auf der Sandbox angelegt wird, nie auf dem Ziel; jede Abfrage wird dort vorher und nachher mit EXPLAIN untersucht.</translation>
    </message>
    <message>
        <source>Not measured: %1</source>
        <translation>Nicht gemessen: %1</translation>
    </message>
    <message>
        <source>Queries to Explain</source>
        <translation>Zu untersuchende Abfragen</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL-Dateien (*.sql);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Pick a target first: its schema is what the scratch gets.</source>
        <translation>Wählen Sie zuerst ein Ziel: Dessen Schema erhält die Scratch-Datenbank.</translation>
    </message>
    <message>
        <source>No pending migration to measure.</source>
        <translation>Keine ausstehende Migration zu messen.</translation>
    </message>
    <message>
        <source>The scratch database is made on the sandbox: start it (Profiles → sandbox).</source>
        <translation>Die Scratch-Datenbank wird auf der Sandbox angelegt: Starten Sie sie (Profile → Sandbox).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1, statement %2</source>
        <translation>%1, Anweisung %2</translation>
    </message>
    <message>
        <source>%1 holds no statement.</source>
        <translation>%1 enthält keine Anweisung.</translation>
    </message>
    <message>
        <source>not explained</source>
        <translation>nicht untersucht</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>schlechter</translation>
    </message>
    <message>
        <source>better</source>
        <translation>besser</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>✗ cost ×%1</source>
        <translation>✗ Kosten ×%1</translation>
    </message>
    <message>
        <source>%1 query(s) read what the migration changes, %2 worse; ran on %3.%4</source>
        <translation>%1 Abfrage(n) lesen, was die Migration ändert, %2 schlechter; ausgeführt auf %3.%4</translation>
    </message>
    <message>
        <source> The scratch holds the schema without rows: these are the plans of empty tables.</source>
        <translation> Die Scratch-Datenbank enthält das Schema ohne Zeilen: Dies sind die Pläne leerer Tabellen.</translation>
    </message>
    <message>
        <source>Before the migration</source>
        <translation>Vor der Migration</translation>
    </message>
    <message>
        <source>After the migration</source>
        <translation>Nach der Migration</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanInsightsList</name>
    <message>
        <source>Insights</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;No insights: nothing stands out.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;Keine Hinweise: Nichts fällt auf.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Try an index ▸</source>
        <translation>Index ausprobieren ▸</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;…and %1 more, less costly; each node&apos;s details list its own.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;…und %1 weitere, weniger kostspielige; die Details jedes Knotens listen seine eigenen auf.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanNodesModel</name>
    <message>
        <source>never executed</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Time spent in the node itself, children excluded, corrected for loops and parallel workers</source>
        <translation>Zeit im Knoten selbst, ohne Kindknoten, korrigiert um Schleifen und parallele Worker</translation>
    </message>
    <message>
        <source>Actual rows per loop</source>
        <translation>Tatsächliche Zeilen pro Schleife</translation>
    </message>
    <message>
        <source>How far the actual rows are from the estimate: ↑ more, ↓ fewer</source>
        <translation>Wie weit die tatsächlichen Zeilen von der Schätzung abweichen: ↑ mehr, ↓ weniger</translation>
    </message>
    <message>
        <source>Rows removed by the filter, the index recheck and the join filter (per loop)</source>
        <translation>Vom Filter, vom Index-Recheck und vom Join-Filter entfernte Zeilen (pro Schleife)</translation>
    </message>
    <message>
        <source>Blocks of the node itself (8 kB each), children excluded</source>
        <translation>Blöcke des Knotens selbst (je 8 kB), ohne Kindknoten</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Object / key</source>
        <translation>Objekt / Schlüssel</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>Self %</source>
        <translation>Eigen-%</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Est. rows</source>
        <translation>Gesch. Zeilen</translation>
    </message>
    <message>
        <source>Off by</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Schleifen</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Temp</source>
        <translation>Temp</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanPage</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>EXPLAIN plans drawn as trees: exclusive times, misestimates, buffers, hints, and two plans side by side.</source>
        <translation>EXPLAIN-Pläne als Bäume: exklusive Zeiten, Fehlschätzungen, Puffer, Hinweise und zwei Pläne nebeneinander.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Open a plan file: JSON, text, YAML or XML (%1)</source>
        <translation>Eine Plan-Datei öffnen: JSON, Text, YAML oder XML (%1)</translation>
    </message>
    <message>
        <source>Paste…</source>
        <translation>Einfügen…</translation>
    </message>
    <message>
        <source>Paste EXPLAIN output in any format (%1)</source>
        <translation>EXPLAIN-Ausgabe in beliebigem Format einfügen (%1)</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Compare the current plan with another plan of the same query</source>
        <translation>Den aktuellen Plan mit einem anderen Plan derselben Abfrage vergleichen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Hide; the open tabs stay</source>
        <translation>Ausblenden; die offenen Tabs bleiben</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No plan open&lt;/h3&gt;&lt;p&gt;Open a plan file, paste EXPLAIN output (%1), or drop a file or text here.&lt;/p&gt;&lt;p&gt;JSON, text (any psql style), YAML and XML are read, with or without ANALYZE.&lt;/p&gt;&lt;p&gt;From the SQL tool, &lt;b&gt;Explain&lt;/b&gt; runs EXPLAIN on the statement under the caret and opens the plan here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kein Plan geöffnet&lt;/h3&gt;&lt;p&gt;Öffnen Sie eine Plan-Datei, fügen Sie EXPLAIN-Ausgabe ein (%1) oder ziehen Sie eine Datei oder Text hierher.&lt;/p&gt;&lt;p&gt;JSON, Text (jeder psql-Stil), YAML und XML werden gelesen, mit oder ohne ANALYZE.&lt;/p&gt;&lt;p&gt;Im SQL-Werkzeug führt &lt;b&gt;Explain&lt;/b&gt; EXPLAIN für die Anweisung an der Schreibmarke aus und öffnet den Plan hier.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n node(s))</source>
        <translation>
            <numerusform>%1 (%n Knoten)</numerusform>
            <numerusform>%1 (%n Knoten)</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Plan %1: %2</source>
        <translation>Plan %1: %2</translation>
    </message>
    <message>
        <source>“%1” holds %2 plans. Open:</source>
        <translation>„%1“ enthält %2 Pläne. Öffnen:</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>%1: the plan could not be read: %2</source>
        <translation>%1: Der Plan konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MB: too large to be a plan.</source>
        <translation>%1 ist %2 MB groß: zu groß für einen Plan.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 ⇄ %2</source>
        <translation>%1 ⇄ %2</translation>
    </message>
    <message>
        <source>Before: %1
After: %2</source>
        <translation>Vorher: %1
Nachher: %2</translation>
    </message>
    <message>
        <source>Open plans</source>
        <translation>Pläne öffnen</translation>
    </message>
    <message>
        <source>Plans (*.json *.txt *.yaml *.yml *.xml *.plan *.explain);;All files (*)</source>
        <translation>Pläne (*.json *.txt *.yaml *.yml *.xml *.plan *.explain);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Pasted %1</source>
        <translation>Eingefügt %1</translation>
    </message>
    <message>
        <source>Open a plan first, then compare it with another plan of the same query.</source>
        <translation>Öffnen Sie zuerst einen Plan und vergleichen Sie ihn dann mit einem anderen Plan derselben Abfrage.</translation>
    </message>
    <message>
        <source>A plan file…</source>
        <translation>Eine Plan-Datei…</translation>
    </message>
    <message>
        <source>Compare plans</source>
        <translation>Pläne vergleichen</translation>
    </message>
    <message>
        <source>Compare “%1” (before) with:</source>
        <translation>„%1“ (vorher) vergleichen mit:</translation>
    </message>
    <message>
        <source>The plan to compare with</source>
        <translation>Der Plan zum Vergleichen</translation>
    </message>
    <message>
        <source>Dropped %1</source>
        <translation>Abgelegt %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanPasteDialog</name>
    <message>
        <source>Paste a plan</source>
        <translation>Plan einfügen</translation>
    </message>
    <message>
        <source>EXPLAIN output as JSON, text, YAML or XML, straight from psql or any tool.</source>
        <translation>EXPLAIN-Ausgabe als JSON, Text, YAML oder XML, direkt aus psql oder einem beliebigen Werkzeug.</translation>
    </message>
    <message>
        <source>Show plan</source>
        <translation>Plan anzeigen</translation>
    </message>
    <message>
        <source>Looks like %1.</source>
        <translation>Sieht aus wie %1.</translation>
    </message>
    <message>
        <source>None of the %1 plans reads. The first: %2</source>
        <translation>Keiner der %1 Pläne ist lesbar. Der erste: %2</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanStatsView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>Self %</source>
        <translation>Eigen-%</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Est. rows</source>
        <translation>Gesch. Zeilen</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>Node types</source>
        <translation>Knotentypen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PlanViewer</name>
    <message>
        <source>Plan nodes</source>
        <translation>Planknoten</translation>
    </message>
    <message>
        <source>The plan as pasted</source>
        <translation>Der Plan wie eingefügt</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Rohdaten</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>&lt;b&gt;Insights&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hinweise&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the plan (F)</source>
        <translation>Plan einpassen (F)</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Actual size (0)</source>
        <translation>Originalgröße (0)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Verkleinern (−)</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle ausklappen</translation>
    </message>
    <message>
        <source>Unfold every folded subtree</source>
        <translation>Alle eingeklappten Teilbäume ausklappen</translation>
    </message>
    <message>
        <source>Find node, table, index, condition…</source>
        <translation>Knoten, Tabelle, Index, Bedingung suchen…</translation>
    </message>
    <message>
        <source> no match</source>
        <translation> kein Treffer</translation>
    </message>
    <message numerus="yes">
        <source> %n match(es)</source>
        <translation>
            <numerusform> %n Treffer</numerusform>
            <numerusform> %n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the graph as PNG or SVG</source>
        <translation>Den Graphen als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>Try an Index</source>
        <translation>Index ausprobieren</translation>
    </message>
    <message>
        <source>Execution &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Ausführung &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Root &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Wurzel &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>planning %1</source>
        <translation>Planung %1</translation>
    </message>
    <message>
        <source>planning memory %1 kB used, %2 kB allocated</source>
        <translation>Planungsspeicher %1 kB belegt, %2 kB reserviert</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>serialization %1 (%2) in %3</source>
        <translation>Serialisierung %1 (%2) in %3</translation>
    </message>
    <message>
        <source>serialization %1 (%2)</source>
        <translation>Serialisierung %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;estimates only&lt;/b&gt; (no ANALYZE), cost %1</source>
        <translation>&lt;b&gt;nur Schätzungen&lt;/b&gt; (kein ANALYZE), Kosten %1</translation>
    </message>
    <message>
        <source>TIMING off: rows only</source>
        <translation>TIMING aus: nur Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 input</source>
        <translation>Eingabe: %1</translation>
    </message>
    <message>
        <source>JIT %1 (%2 functions)</source>
        <translation>JIT %1 (%2 Funktionen)</translation>
    </message>
    <message>
        <source>trigger %1: %2 in %3 call(s)</source>
        <translation>Trigger %1: %2 in %3 Aufruf(en)</translation>
    </message>
    <message>
        <source>settings: %1</source>
        <translation>Einstellungen: %1</translation>
    </message>
    <message>
        <source> %1 of %2</source>
        <translation> %1 von %2</translation>
    </message>
    <message>
        <source>There is no plan to export.</source>
        <translation>Es gibt keinen Plan zum Exportieren.</translation>
    </message>
    <message>
        <source>The plan could not be drawn.</source>
        <translation>Der Plan konnte nicht gezeichnet werden.</translation>
    </message>
    <message>
        <source>Export plan</source>
        <translation>Plan exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>No insight here suggests an index: Try an index starts from a scan whose filter removes most of the rows it reads.</source>
        <translation>Kein Hinweis hier legt einen Index nahe: „Index ausprobieren“ beginnt bei einem Scan, dessen Filter die meisten gelesenen Zeilen entfernt.</translation>
    </message>
    <message>
        <source>Trying an index…</source>
        <translation>Index wird ausprobiert…</translation>
    </message>
    <message>
        <source>Try an index needs the query: this plan came without its statement (pasted or opened from a file). Explain the statement from the SQL tool to try it.</source>
        <translation>„Index ausprobieren“ braucht die Abfrage: Dieser Plan kam ohne seine Anweisung (eingefügt oder aus einer Datei geöffnet). Führen Sie Explain für die Anweisung im SQL-Werkzeug aus, um den Index auszuprobieren.</translation>
    </message>
    <message>
        <source>Try an index needs a connection to the database the plan came from.</source>
        <translation>„Index ausprobieren“ braucht eine Verbindung zu der Datenbank, aus der der Plan stammt.</translation>
    </message>
    <message>
        <source>Trying an Index…</source>
        <translation>Index wird ausprobiert…</translation>
    </message>
    <message>
        <source>Try an Index (needs HypoPG)</source>
        <translation>Index ausprobieren (benötigt HypoPG)</translation>
    </message>
    <message>
        <source>Plan the query again with a hypothetical index (HypoPG) for the insight, and compare: nothing is built or run</source>
        <translation>Die Abfrage mit einem hypothetischen Index (HypoPG) für den Hinweis neu planen und vergleichen: Nichts wird angelegt oder ausgeführt</translation>
    </message>
    <message>
        <source>The what-if failed: %1</source>
        <translation>Die Was-wäre-wenn-Analyse ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Index on %1</source>
        <translation>Index auf %1</translation>
    </message>
    <message>
        <source>Suggested by a what-if in the Plan tool: review, then run it outside a transaction (CONCURRENTLY refuses one).</source>
        <translation>Vorgeschlagen von einer Was-wäre-wenn-Analyse im Plan-Werkzeug: prüfen und dann außerhalb einer Transaktion ausführen (CONCURRENTLY ist in einer Transaktion nicht erlaubt).</translation>
    </message>
    <message>
        <source>What if: %1</source>
        <translation>Was wäre, wenn: %1</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>SQL Editor</source>
        <translation>SQL-Editor</translation>
    </message>
    <message>
        <source>Lint Rules</source>
        <translation>Lint-Regeln</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Changes apply at once.</source>
        <translation>Änderungen gelten sofort.</translation>
    </message>
    <message>
        <source>The desktop&apos;s</source>
        <translation>Wie der Desktop</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>The system&apos;s fixed-width font</source>
        <translation>Die Festbreitenschrift des Systems</translation>
    </message>
    <message>
        <source>the system&apos;s</source>
        <translation>die des Systems</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>Editor-Schrift:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Schriftgröße:</translation>
    </message>
    <message>
        <source>Tab width:</source>
        <translation>Tabulatorbreite:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Rows kept per result (new tabs):</source>
        <translation>Pro Ergebnis behaltene Zeilen (neue Tabs):</translation>
    </message>
    <message>
        <source>New SQL tabs start read-only</source>
        <translation>Neue SQL-Tabs starten schreibgeschützt</translation>
    </message>
    <message>
        <source>Unsaved tabs kept in:</source>
        <translation>Ungespeicherte Tabs aufbewahrt in:</translation>
    </message>
    <message>
        <source>A new folder is used from the next start of Tusk.</source>
        <translation>Ein neuer Ordner wird ab dem nächsten Start von Tusk verwendet.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Refresh every:</source>
        <translation>Aktualisieren alle:</translation>
    </message>
    <message>
        <source>Recordings kept in:</source>
        <translation>Aufzeichnungen aufbewahrt in:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Ordner auswählen</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileConnector</name>
    <message>
        <source>The server asks for a password, and none is stored for this role.</source>
        <translation>Der Server verlangt ein Passwort, und für diese Rolle ist keines gespeichert.</translation>
    </message>
    <message>
        <source>The server refused that password. Try again.</source>
        <translation>Der Server hat dieses Passwort abgelehnt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server refused the password stored in %1.</source>
        <translation>Der Server hat das gespeicherte Passwort abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The server refused the password typed earlier.</source>
        <translation>Der Server hat das zuvor eingegebene Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused the password in postgres.toml.</source>
        <translation>Der Server hat das Passwort in postgres.toml abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused the password in the connection URL.</source>
        <translation>Der Server hat das Passwort in der Verbindungs-URL abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused the password in %1.</source>
        <translation>Der Server hat das Passwort in %1 abgelehnt.</translation>
    </message>
    <message>
        <source>Not connected: no password given.</source>
        <translation>Nicht verbunden: kein Passwort angegeben.</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileDetails</name>
    <message>
        <source>the file, in plain text</source>
        <translation>Datei, im Klartext</translation>
    </message>
    <message>
        <source>the connection URL</source>
        <translation>Verbindungs-URL</translation>
    </message>
    <message>
        <source>not needed on the sandbox&apos;s socket</source>
        <translation>am Socket der Sandbox nicht nötig</translation>
    </message>
    <message>
        <source>none stored; %1</source>
        <translation>keines gespeichert; %1</translation>
    </message>
    <message>
        <source>none stored: Tusk asks when the server wants one</source>
        <translation>keines gespeichert: Tusk fragt, wenn der Server eines verlangt</translation>
    </message>
    <message>
        <source>Select a profile to see where it points.</source>
        <translation>Wählen Sie ein Profil aus, um zu sehen, wohin es zeigt.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>sslmode</source>
        <translation>sslmode</translation>
    </message>
    <message>
        <source>Password from</source>
        <translation>Passwort aus</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation> (fehlt)</translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation>Definiert in</translation>
    </message>
    <message>
        <source> (kept)</source>
        <translation> (beibehalten)</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfileDialog</name>
    <message>
        <source>Edit profile %1</source>
        <translation>Profil %1 bearbeiten</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>e.g. local, staging, db_test_1</source>
        <translation>z. B. local, staging, db_test_1</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>localhost, a name, or a socket folder</source>
        <translation>localhost, ein Name oder ein Socket-Ordner</translation>
    </message>
    <message>
        <source>default (5432)</source>
        <translation>Standard (5432)</translation>
    </message>
    <message>
        <source>from ~/.pgpass or the keychain, else asked when needed</source>
        <translation>aus ~/.pgpass oder dem Schlüsselbund, sonst bei Bedarf erfragt</translation>
    </message>
    <message>
        <source>Keep it in memory until Tusk quits; ask when needed</source>
        <translation>Bis zum Beenden von Tusk im Speicher behalten; bei Bedarf fragen</translation>
    </message>
    <message>
        <source>In the system keychain (none available)</source>
        <translation>Im System-Schlüsselbund (keiner verfügbar)</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>Im Passwortspeicher des Systems (%1)</translation>
    </message>
    <message>
        <source>In postgres.toml, in plain text (not recommended)</source>
        <translation>In postgres.toml, im Klartext (nicht empfohlen)</translation>
    </message>
    <message>
        <source>Anyone who can read postgres.toml can read a password in it. The keychain and ~/.pgpass (mode 0600) keep it out of the project.</source>
        <translation>Wer postgres.toml lesen kann, kann auch ein darin stehendes Passwort lesen. Der Schlüsselbund und ~/.pgpass (Modus 0600) halten es aus dem Projekt heraus.</translation>
    </message>
    <message>
        <source>disable (sslmode = false)</source>
        <translation>disable (sslmode = false)</translation>
    </message>
    <message>
        <source>require (sslmode = true)</source>
        <translation>require (sslmode = true)</translation>
    </message>
    <message>
        <source>a subfolder of the project, e.g. services/api</source>
        <translation>ein Unterordner des Projekts, z. B. services/api</translation>
    </message>
    <message>
        <source>default: [migrations].path, AGENTS.md, db/migrations</source>
        <translation>Standard: [migrations].path, AGENTS.md, db/migrations</translation>
    </message>
    <message>
        <source>e.g. 3s</source>
        <translation>z. B. 3s</translation>
    </message>
    <message>
        <source>e.g. 5min</source>
        <translation>z. B. 5min</translation>
    </message>
    <message>
        <source>Read-only sessions (default_transaction_read_only)</source>
        <translation>Schreibgeschützte Sitzungen (default_transaction_read_only)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Saved &amp;in:</source>
        <translation>Gespeichert &amp;in:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Keep it:</source>
        <translation>&amp;Aufbewahren:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>&amp;sslmode:</source>
        <translation>&amp;sslmode:</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>Stammzertifikat:</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Project and safety</source>
        <translation>Projekt und Sicherheit</translation>
    </message>
    <message>
        <source>P&amp;roject:</source>
        <translation>P&amp;rojekt:</translation>
    </message>
    <message>
        <source>Descrip&amp;tion:</source>
        <translation>Beschreibun&amp;g:</translation>
    </message>
    <message>
        <source>&amp;Migrations:</source>
        <translation>&amp;Migrationen:</translation>
    </message>
    <message>
        <source>Sa&amp;fety:</source>
        <translation>Si&amp;cherheit:</translation>
    </message>
    <message>
        <source>lock_timeout:</source>
        <translation>lock_timeout:</translation>
    </message>
    <message>
        <source>statement_timeout:</source>
        <translation>statement_timeout:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Noch nicht getestet.</translation>
    </message>
    <message>
        <source>Names use %1.</source>
        <translation>Namen bestehen aus %1.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failed.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Fehlgeschlagen.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connected&lt;/b&gt; to PostgreSQL %1 as %2 in %3 ms (round trip %4 ms), TLS %5.</source>
        <translation>&lt;b&gt;Verbunden&lt;/b&gt; mit PostgreSQL %1 als %2 in %3 ms (Roundtrip %4 ms), TLS %5.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>&lt;br&gt;Only with sslmode %1: %2</source>
        <translation>&lt;br&gt;Nur mit sslmode %1: %2</translation>
    </message>
    <message>
        <source>Use sslmode %1</source>
        <translation>sslmode %1 verwenden</translation>
    </message>
    <message>
        <source>Profile not saved</source>
        <translation>Profil nicht gespeichert</translation>
    </message>
    <message>
        <source>stored in %1; type to replace</source>
        <translation>gespeichert in: %1; zum Ersetzen tippen</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ProfilesPage</name>
    <message>
        <source> (no file yet)</source>
        <translation> (noch keine Datei)</translation>
    </message>
    <message>
        <source> (broken: read-only)</source>
        <translation> (defekt: schreibgeschützt)</translation>
    </message>
    <message>
        <source> (pre-1: needs migration)</source>
        <translation> (vor v1: Migration nötig)</translation>
    </message>
    <message>
        <source>&amp;Migrate to schema v1…</source>
        <translation>Auf Schema v1 &amp;migrieren…</translation>
    </message>
    <message>
        <source>Add to .&amp;gitignore</source>
        <translation>Zu .&amp;gitignore hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save as profile…</source>
        <translation>Als Profil &amp;speichern…</translation>
    </message>
    <message>
        <source>DB_URL and --db are used once and never saved unless you ask; this asks.</source>
        <translation>DB_URL und --db werden nur einmal verwendet und nie ohne Ihr Zutun gespeichert; hiermit speichern Sie sie.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>D&amp;uplizieren…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Set as de&amp;fault</source>
        <translation>Als Stan&amp;dard festlegen</translation>
    </message>
    <message>
        <source>&amp;Import services…</source>
        <translation>Dienste &amp;importieren…</translation>
    </message>
    <message>
        <source>libpq&apos;s pg_service.conf services as profiles</source>
        <translation>Dienste aus libpqs pg_service.conf als Profile</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>.gitignore not changed</source>
        <translation>.gitignore nicht geändert</translation>
    </message>
    <message>
        <source>sslmode not saved</source>
        <translation>sslmode nicht gespeichert</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Connection profiles from postgres.toml, chosen by environment and working directory, with the local sandbox as the default.</source>
        <translation>Verbindungsprofile aus postgres.toml, ausgewählt nach Umgebung und Arbeitsverzeichnis, mit der lokalen Sandbox als Standard.</translation>
    </message>
    <message>
        <source>This folder uses &lt;b&gt;%1&lt;/b&gt;: %2.</source>
        <translation>Dieser Ordner verwendet &lt;b&gt;%1&lt;/b&gt;: %2.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Choose a profile.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Wählen Sie ein Profil.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1 — Tusk will not write this file until it is fixed.</source>
        <translation>%1 — Tusk schreibt diese Datei nicht, bis sie repariert ist.</translation>
    </message>
    <message>
        <source>%1 has no schema_version (pre-1).</source>
        <translation>%1 hat keine schema_version (vor v1).</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Sandbox — %1</source>
        <translation>Sandbox — %1</translation>
    </message>
    <message>
        <source>One-off — used once, not saved</source>
        <translation>Einmalig — nur einmal verwendet, nicht gespeichert</translation>
    </message>
    <message>
        <source>used here</source>
        <translation>hier verwendet</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>Projekt %1</translation>
    </message>
    <message>
        <source>plain-text password</source>
        <translation>Klartext-Passwort</translation>
    </message>
    <message>
        <source>hidden by the project&apos;s %1</source>
        <translation>verdeckt durch %1 des Projekts</translation>
    </message>
    <message>
        <source>git does not ignore %1; it may hold connection details.</source>
        <translation>git ignoriert %1 nicht; die Datei kann Verbindungsdaten enthalten.</translation>
    </message>
    <message>
        <source>Connected once to &lt;b&gt;%1&lt;/b&gt; (%2), not saved.</source>
        <translation>Einmalig verbunden mit &lt;b&gt;%1&lt;/b&gt; (%2), nicht gespeichert.</translation>
    </message>
    <message>
        <source>Save %1 as a profile</source>
        <translation>%1 als Profil speichern</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 failed.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1 fehlgeschlagen.&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 works:&lt;/b&gt; PostgreSQL %2, database %3 as %4; connected in %5 ms, round trip %6 ms, TLS %7.</source>
        <translation>&lt;b&gt;%1 funktioniert:&lt;/b&gt; PostgreSQL %2, Datenbank %3 als %4; verbunden in %5 ms, Roundtrip %6 ms, TLS %7.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>&lt;br&gt;Only with sslmode %1 (the profile&apos;s failed: %2).</source>
        <translation>&lt;br&gt;Nur mit sslmode %1 (der des Profils schlug fehl: %2).</translation>
    </message>
    <message>
        <source>Save sslmode %1 in the %2 file</source>
        <translation>sslmode %1 in der %2-Datei speichern</translation>
    </message>
    <message>
        <source>project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Delete profile %1?</source>
        <translation>Profil %1 löschen?</translation>
    </message>
    <message>
        <source>Remove [database.%1] and its comment from %2? The previous file is kept as %2.bak.</source>
        <translation>[database.%1] und seinen Kommentar aus %2 entfernen? Die vorherige Datei wird als %2.bak aufbewahrt.</translation>
    </message>
    <message>
        <source>Profile not deleted</source>
        <translation>Profil nicht gelöscht</translation>
    </message>
    <message>
        <source>Default not set</source>
        <translation>Standard nicht festgelegt</translation>
    </message>
    <message>
        <source>Cannot migrate %1</source>
        <translation>%1 kann nicht migriert werden</translation>
    </message>
    <message>
        <source>Migrate %1?</source>
        <translation>%1 migrieren?</translation>
    </message>
    <message>
        <source>These lines change; comments and everything else stay as they are, and the previous file is kept as .bak:

%1</source>
        <translation>Diese Zeilen ändern sich; Kommentare und alles andere bleiben, wie sie sind, und die vorherige Datei wird als .bak aufbewahrt:

%1</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ResultGrid</name>
    <message>
        <source>Filter fetched rows…</source>
        <translation>Abgerufene Zeilen filtern…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy as %1</source>
        <translation>Als %1 kopieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export the rows</source>
        <translation>Zeilen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>%1 Zeilen nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 so far…</source>
        <translation>bisher %1…</translation>
    </message>
    <message>
        <source> · %1 shown</source>
        <translation> · %1 angezeigt</translation>
    </message>
    <message>
        <source> · row cap reached: %1 more rows were not kept (raise “Max rows” to keep them)</source>
        <translation> · Zeilenlimit erreicht: %1 weitere Zeilen wurden nicht behalten („Max. Zeilen“ erhöhen, um sie zu behalten)</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>View value…</source>
        <translation>Wert anzeigen…</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ResultsPane</name>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Result %1 (%2)</source>
        <translation>Ergebnis %1 (%2)</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::RolloutConfirmBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::RolloutPage</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Create Folder</source>
        <translation>Ordner anlegen</translation>
    </message>
    <message>
        <source>The profile&apos;s migrations folder does not exist yet: make it, with an empty CHANGELOG.md</source>
        <translation>Der Migrationsordner des Profils existiert noch nicht: ihn anlegen, mit einer leeren CHANGELOG.md</translation>
    </message>
    <message>
        <source>Update CHANGELOG</source>
        <translation>CHANGELOG aktualisieren</translation>
    </message>
    <message>
        <source>Add the CHANGELOG.md entries the pending files lack, under today&apos;s date</source>
        <translation>Die CHANGELOG.md-Einträge, die den ausstehenden Dateien fehlen, unter dem heutigen Datum hinzufügen</translation>
    </message>
    <message>
        <source>Use Existing Folder…</source>
        <translation>Vorhandenen Ordner verwenden…</translation>
    </message>
    <message>
        <source>Pick a folder of the project that looks like a migrations folder; it is saved as the profile&apos;s migrations_path</source>
        <translation>Einen Ordner des Projekts wählen, der wie ein Migrationsordner aussieht; er wird als migrations_path des Profils gespeichert</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>Aufteilen…</translation>
    </message>
    <message>
        <source>Split the latest pending file that mixes statements no transaction may wrap with others, or holds too many, into ordered files (a preview first)</source>
        <translation>Die neueste ausstehende Datei in geordnete Dateien aufteilen, wenn sie Anweisungen, die keine Transaktion umschließen darf, mit anderen mischt oder zu viele enthält (vorher eine Vorschau)</translation>
    </message>
    <message>
        <source>Compact…</source>
        <translation>Zusammenfassen…</translation>
    </message>
    <message>
        <source>Merge pending files that change one table on one day (a preview first)</source>
        <translation>Ausstehende Dateien zusammenführen, die am selben Tag dieselbe Tabelle ändern (vorher eine Vorschau)</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>Veröffentlichen…</translation>
    </message>
    <message>
        <source>Move the pending files into a new dated released folder and remove their CHANGELOG entries</source>
        <translation>Die ausstehenden Dateien in einen neuen, datierten *_released-Ordner verschieben und ihre CHANGELOG-Einträge entfernen</translation>
    </message>
    <message>
        <source>Split above</source>
        <translation>Aufteilen über</translation>
    </message>
    <message>
        <source> statements</source>
        <translation> Anweisungen</translation>
    </message>
    <message>
        <source>A pending file holding more statements than this is proposed for splitting</source>
        <translation>Eine ausstehende Datei mit mehr Anweisungen als dieser Zahl wird zum Aufteilen vorgeschlagen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>CHANGELOG</source>
        <translation>CHANGELOG</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Rollout Wizard</source>
        <translation>Rollout-Assistent</translation>
    </message>
    <message>
        <source>Plan Impact</source>
        <translation>Plan-Auswirkung</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>The migrations folder: pending files in the order they run, released history, the CHANGELOG, and release.</source>
        <translation>Der Migrationsordner: ausstehende Dateien in Ausführungsreihenfolge, veröffentlichte Historie, das CHANGELOG und die Veröffentlichung.</translation>
    </message>
    <message>
        <source>No migrations folder: choose a profile (its migrations_path, or db/migrations in its project).</source>
        <translation>Kein Migrationsordner: Wählen Sie ein Profil (sein migrations_path oder db/migrations in seinem Projekt).</translation>
    </message>
    <message>
        <source>Migrations folder: %1</source>
        <translation>Migrationsordner: %1</translation>
    </message>
    <message>
        <source>The migrations folder %1 does not exist yet.</source>
        <translation>Der Migrationsordner %1 existiert noch nicht.</translation>
    </message>
    <message>
        <source>Pending, in the order they run</source>
        <translation>Ausstehend, in Ausführungsreihenfolge</translation>
    </message>
    <message>
        <source>Editable; new changes go to the last</source>
        <translation>Bearbeitbar; neue Änderungen kommen in die letzte</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>no entry yet</source>
        <translation>noch kein Eintrag</translation>
    </message>
    <message>
        <source>Opens in the SQL tool</source>
        <translation>Wird im SQL-Werkzeug geöffnet</translation>
    </message>
    <message>
        <source>(none: new changes go to prerelease.sql)</source>
        <translation>(keine: neue Änderungen kommen in prerelease.sql)</translation>
    </message>
    <message>
        <source>Released (never written)</source>
        <translation>Veröffentlicht (nie geschrieben)</translation>
    </message>
    <message>
        <source>History: Tusk never writes, renames or deletes anything here</source>
        <translation>Historie: Tusk schreibt, benennt oder löscht hier nie etwas</translation>
    </message>
    <message>
        <source>Released: opens read-only</source>
        <translation>Veröffentlicht: wird schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <source>%1&apos;s migrations</source>
        <translation>%1-Migrationen</translation>
    </message>
    <message>
        <source>The tool&apos;s own history: its runner applies these; Release… adds the pending files here</source>
        <translation>Die eigene Historie des Werkzeugs: Sein Runner wendet diese an; „Veröffentlichen…“ fügt die ausstehenden Dateien hier hinzu</translation>
    </message>
    <message>
        <source>*No CHANGELOG.md yet: Update CHANGELOG creates it.*</source>
        <translation>*Noch keine CHANGELOG.md: „CHANGELOG aktualisieren“ legt sie an.*</translation>
    </message>
    <message>
        <source>This folder breaks a rule:
• %1</source>
        <translation>Dieser Ordner verletzt eine Regel:
• %1</translation>
    </message>
    <message>
        <source>Suggested (Split… or Compact… shows the plan first):
• %1</source>
        <translation>Vorgeschlagen („Aufteilen…“ oder „Zusammenfassen…“ zeigt zuerst den Plan):
• %1</translation>
    </message>
    <message>
        <source>Release? This will %1. Released files are never written again.</source>
        <translation>Veröffentlichen? Geplant ist: %1. Veröffentlichte Dateien werden nie wieder geschrieben.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Release as %1 migrations? The pending files go once they are written; statements without a safe inverse are flagged below.</source>
        <translation>Als %1-Migrationen veröffentlichen? Die ausstehenden Dateien werden entfernt, sobald die neuen geschrieben sind; Anweisungen ohne sichere Umkehrung sind unten markiert.</translation>
    </message>
    <message>
        <source>%1? Nothing is written until you confirm; a file saved meanwhile stops it.</source>
        <translation>%1? Nichts wird geschrieben, bevor Sie bestätigen; eine zwischenzeitlich gespeicherte Datei bricht den Vorgang ab.</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>Zusammenfassen</translation>
    </message>
    <message>
        <source>Not inside a project (no .git above the working folder): there is nothing to pick from; Create Folder makes %1</source>
        <translation>Nicht in einem Projekt (kein .git über dem Arbeitsordner): Es gibt nichts zur Auswahl; „Ordner anlegen“ legt %1 an</translation>
    </message>
    <message>
        <source>No folder under %1 looks like a migrations folder; Create Folder makes %2</source>
        <translation>Kein Ordner unter %1 sieht wie ein Migrationsordner aus; „Ordner anlegen“ legt %2 an</translation>
    </message>
    <message>
        <source>Use one of the project&apos;s folders as this profile&apos;s migrations folder?</source>
        <translation>Einen der Ordner des Projekts als Migrationsordner dieses Profils verwenden?</translation>
    </message>
    <message>
        <source>Use Folder</source>
        <translation>Ordner verwenden</translation>
    </message>
    <message>
        <source>Using %1 as the migrations folder</source>
        <translation>%1 wird als Migrationsordner verwendet</translation>
    </message>
    <message>
        <source>%1, saved as migrations_path of profile %2</source>
        <translation>%1, gespeichert als migrations_path von Profil %2</translation>
    </message>
    <message>
        <source>%1 for this session; the profile could not be saved: %2</source>
        <translation>%1 für diese Sitzung; das Profil konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1 for this session (this connection has no profile file to keep it in)</source>
        <translation>%1 für diese Sitzung (diese Verbindung hat keine Profildatei, um es zu speichern)</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::RolloutWizard</name>
    <message>
        <source>Run It</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Dry Run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Check Gate</source>
        <translation>Gate prüfen</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Next Step →</source>
        <translation>Nächster Schritt →</translation>
    </message>
    <message>
        <source>Sign Off</source>
        <translation>Abzeichnen</translation>
    </message>
    <message>
        <source>Export Sheet</source>
        <translation>Rollout-Blatt exportieren</translation>
    </message>
    <message>
        <source>Each step: its state on the target (○ not run, ✓ gate holds, ✗ failed, ↺ rolled back), then its dry-run mark</source>
        <translation>Jeder Schritt: sein Zustand auf dem Ziel (○ nicht ausgeführt, ✓ Gate erfüllt, ✗ fehlgeschlagen, ↺ zurückgerollt), dann seine Probelauf-Markierung</translation>
    </message>
    <message>
        <source>Make a scratch database with the target&apos;s schema on the sandbox and prove every step&apos;s rollback there: up, rollback, the schema as before, up again</source>
        <translation>Eine Scratch-Datenbank mit dem Schema des Ziels auf der Sandbox anlegen und dort den Rollback jedes Schritts nachweisen: Up, Rollback, das Schema wie vorher, erneut Up</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Record the reviewer, the time and the sheet&apos;s hash in CHANGELOG.md; any later change to the pending files voids it</source>
        <translation>Prüfer, Zeitpunkt und Hash des Rollout-Blatts in CHANGELOG.md festhalten; jede spätere Änderung an den ausstehenden Dateien macht dies ungültig</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>%n pending file(s), %1 steps</source>
        <translation>
            <numerusform>%n ausstehende Datei, %1 Schritte</numerusform>
            <numerusform>%n ausstehende Dateien, %1 Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Lock:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;In a transaction:&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Sperre:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;In einer Transaktion:&lt;/b&gt; %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Gate before the next step:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Gate vor dem nächsten Schritt:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;none&lt;/li&gt;</source>
        <translation>&lt;li&gt;keins&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Dry run:&lt;/b&gt; %1 %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Probelauf:&lt;/b&gt; %1 %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>the rollback left: %1</source>
        <translation>der Rollback hinterließ: %1</translation>
    </message>
    <message>
        <source>up again differs: %1</source>
        <translation>erneutes Up weicht ab: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Rollback%1:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Rollback%1:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source> (not safe)</source>
        <translation> (nicht sicher)</translation>
    </message>
    <message>
        <source>&lt;p&gt;No pending statements: nothing to roll out.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine ausstehenden Anweisungen: nichts auszurollen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 rows, %2 rows/s, ETA %3 s — %4</source>
        <translation>%1 Zeilen, %2 Zeilen/s, Restzeit %3 s — %4</translation>
    </message>
    <message>
        <source>Mark Done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Run on %1</source>
        <translation>Auf %1 ausführen</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>The dry run needs the sandbox (start it) and a target</source>
        <translation>Der Probelauf braucht die Sandbox (starten Sie sie) und ein Ziel</translation>
    </message>
    <message>
        <source>Who signs off? Type the reviewer&apos;s name first</source>
        <translation>Wer zeichnet ab? Geben Sie zuerst den Namen des Prüfers ein</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::RunToolbar</name>
    <message>
        <source>▶ Run</source>
        <translation>▶ Ausführen</translation>
    </message>
    <message>
        <source>Run script</source>
        <translation>Skript ausführen</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>■ Cancel</source>
        <translation>■ Abbrechen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Run the statement at the caret, or the selection (Ctrl+Enter)</source>
        <translation>Die Anweisung an der Schreibmarke oder die Auswahl ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Run the whole script, or the selection (F5)</source>
        <translation>Das ganze Skript oder die Auswahl ausführen (F5)</translation>
    </message>
    <message>
        <source>EXPLAIN the statement at the caret, or the selection, and open the plan in the Plan tool (F7); the arrow picks the options</source>
        <translation>EXPLAIN für die Anweisung an der Schreibmarke oder die Auswahl ausführen und den Plan im Plan-Werkzeug öffnen (F7); der Pfeil wählt die Optionen</translation>
    </message>
    <message>
        <source>Cancel the running statement on the server (Esc)</source>
        <translation>Die laufende Anweisung auf dem Server abbrechen (Esc)</translation>
    </message>
    <message>
        <source>COMMIT the open transaction</source>
        <translation>COMMIT für die offene Transaktion</translation>
    </message>
    <message>
        <source>ROLLBACK the open transaction</source>
        <translation>ROLLBACK für die offene Transaktion</translation>
    </message>
    <message>
        <source>default_transaction_read_only for this tab&apos;s session: the server refuses writes and schema changes</source>
        <translation>default_transaction_read_only für die Sitzung dieses Tabs: Der Server verweigert Schreibzugriffe und Schemaänderungen</translation>
    </message>
    <message>
        <source>Max rows: </source>
        <translation>Max. Zeilen: </translation>
    </message>
    <message>
        <source>Max rows: all</source>
        <translation>Max. Zeilen: alle</translation>
    </message>
    <message>
        <source>Rows kept per result set; the rest are counted, not kept (0: all)</source>
        <translation>Pro Ergebnismenge behaltene Zeilen; der Rest wird gezählt, nicht behalten (0: alle)</translation>
    </message>
    <message>
        <source>Run the statement and show actual times and rows (writes are rolled back)</source>
        <translation>Die Anweisung ausführen und tatsächliche Zeiten und Zeilen zeigen (Schreibzugriffe werden zurückgerollt)</translation>
    </message>
    <message>
        <source>Blocks read, hit and written</source>
        <translation>Gelesene, im Cache gefundene und geschriebene Blöcke</translation>
    </message>
    <message>
        <source>Output columns, schemas and per-worker detail</source>
        <translation>Ausgabespalten, Schemas und Details pro Worker</translation>
    </message>
    <message>
        <source>Planner settings changed from their defaults</source>
        <translation>Von ihren Standardwerten abweichende Planer-Einstellungen</translation>
    </message>
    <message>
        <source>WAL records and bytes written (with ANALYZE)</source>
        <translation>Geschriebene WAL-Einträge und -Bytes (mit ANALYZE)</translation>
    </message>
    <message>
        <source>Writes and schema changes ask before they run.</source>
        <translation>Schreibzugriffe und Schemaänderungen fragen vor der Ausführung nach.</translation>
    </message>
    <message>
        <source>Running… %1</source>
        <translation>Läuft… %1</translation>
    </message>
    <message>
        <source>Last run: %1</source>
        <translation>Letzte Ausführung: %1</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SchemaPage</name>
    <message>
        <source>Filter objects (fuzzy: &quot;oitm&quot; finds order_items)</source>
        <translation>Objekte filtern (unscharf: „oitm“ findet order_items)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the catalog again (F5)</source>
        <translation>Den Katalog neu lesen (F5)</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>All health findings of the database</source>
        <translation>Alle Zustandsbefunde der Datenbank</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>The whole catalog at once: objects, their DDL, and health checks for missing foreign-key indexes, unused or invalid indexes, vacuum state and sizes.</source>
        <translation>Der ganze Katalog auf einmal: Objekte, ihre DDL und Zustandsprüfungen auf fehlende Fremdschlüssel-Indizes, ungenutzte oder ungültige Indizes, VACUUM-Zustand und Größen.</translation>
    </message>
    <message>
        <source>%1 (local socket)</source>
        <translation>%1 (lokaler Socket)</translation>
    </message>
    <message>
        <source>reading the catalog…</source>
        <translation>Katalog wird gelesen…</translation>
    </message>
    <message>
        <source>expand to read this database</source>
        <translation>ausklappen, um diese Datenbank zu lesen</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>Namen kopieren</translation>
    </message>
    <message>
        <source>Copy qualified name</source>
        <translation>Qualifizierten Namen kopieren</translation>
    </message>
    <message>
        <source>Copy DDL</source>
        <translation>DDL kopieren</translation>
    </message>
    <message>
        <source>Open DDL in editor</source>
        <translation>DDL im Editor öffnen</translation>
    </message>
    <message>
        <source>Connect to a database to browse its schema.</source>
        <translation>Verbinden Sie sich mit einer Datenbank, um ihr Schema zu durchsuchen.</translation>
    </message>
    <message>
        <source>Health (%1)</source>
        <translation>Zustand (%1)</translation>
    </message>
    <message>
        <source>Reading the catalog of %1…</source>
        <translation>Katalog von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>%1 of %2 objects match</source>
        <translation>%1 von %2 Objekten passen</translation>
    </message>
    <message>
        <source>%1 objects · read in %2 ms</source>
        <translation>%1 Objekte · gelesen in %2 ms</translation>
    </message>
    <message>
        <source> · refreshing…</source>
        <translation> · wird aktualisiert…</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SchemaTreeModel</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Sichten</translation>
    </message>
    <message>
        <source>Materialized views</source>
        <translation>Materialisierte Sichten</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>Sequenzen</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Prozeduren</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size / health</source>
        <translation>Größe / Zustand</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ServerStatsView</name>
    <message>
        <source>by total time</source>
        <translation>nach Gesamtzeit</translation>
    </message>
    <message>
        <source>by mean time</source>
        <translation>nach mittlerer Zeit</translation>
    </message>
    <message>
        <source>by calls</source>
        <translation>nach Aufrufen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Wait event</source>
        <translation>Warteereignis</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>pg_stat_statements, top %1</source>
        <translation>pg_stat_statements, Top %1</translation>
    </message>
    <message>
        <source>Read every 10 s once the monitor is connected.</source>
        <translation>Wird alle 10 s gelesen, sobald der Monitor verbunden ist.</translation>
    </message>
    <message>
        <source>one snapshot so far: the differences start with the next (10 s)</source>
        <translation>bisher ein Snapshot: Die Differenzen beginnen mit dem nächsten (10 s)</translation>
    </message>
    <message>
        <source>over the last %1 (since %2)</source>
        <translation>über die letzten %1 (seit %2)</translation>
    </message>
    <message>
        <source>query id %1 (its text comes with the next read)</source>
        <translation>Query-ID %1 (ihr Text kommt mit dem nächsten Lesen)</translation>
    </message>
    <message>
        <source>Only idle waits in this window</source>
        <translation>Nur Leerlauf-Wartezeiten in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Idle waits (Activity, Client: ClientRead) are left out</source>
        <translation>Leerlauf-Wartezeiten (Activity, Client: ClientRead) sind ausgelassen</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ServiceImportDialog</name>
    <message>
        <source>Import connection services</source>
        <translation>Verbindungsdienste importieren</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;Open another file…</source>
        <translation>Andere Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Add &amp;to:</source>
        <translation>Hinzufügen &amp;zu:</translation>
    </message>
    <message>
        <source>a profile of that name exists</source>
        <translation>ein Profil dieses Namens existiert bereits</translation>
    </message>
    <message>
        <source>No pg_service.conf was found ($PGSERVICEFILE, ~/.pg_service.conf, $PGSYSCONFDIR). Open one to import its services.</source>
        <translation>Keine pg_service.conf gefunden ($PGSERVICEFILE, ~/.pg_service.conf, $PGSYSCONFDIR). Öffnen Sie eine, um ihre Dienste zu importieren.</translation>
    </message>
    <message>
        <source>Services in %1. Passwords stay behind: ~/.pgpass or the keychain keeps them.</source>
        <translation>Dienste in %1. Passwörter bleiben zurück: ~/.pgpass oder der Schlüsselbund bewahren sie auf.</translation>
    </message>
    <message>
        <source>Open a connection service file</source>
        <translation>Eine Verbindungsdienst-Datei öffnen</translation>
    </message>
    <message>
        <source>Service files (pg_service.conf *.conf);;All files (*)</source>
        <translation>Dienstdateien (pg_service.conf *.conf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Nichts importiert</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SessionActionPanel</name>
    <message>
        <source>Terminate after</source>
        <translation>Beenden nach</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Beibehalten</translation>
    </message>
    <message>
        <source> s if still there</source>
        <translation> s, falls noch vorhanden</translation>
    </message>
    <message>
        <source>left alone: %1</source>
        <translation>unberührt gelassen: %1</translation>
    </message>
    <message>
        <source>No session matches (%1).</source>
        <translation>Keine Sitzung passt (%1).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel the query of</source>
        <translation>Abbruch der Abfrage von</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Beenden von</translation>
    </message>
    <message>
        <source>Cancel, then terminate</source>
        <translation>Abbruch, dann Beenden von</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n session(s) (%2, as of %3)?</source>
        <translation>
            <numerusform>%1 %n Sitzung (%2, Stand %3)?</numerusform>
            <numerusform>%1 %n Sitzungen (%2, Stand %3)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Tusk will not act on any of them.</source>
        <translation>Tusk wird bei keiner von ihnen eingreifen.</translation>
    </message>
    <message numerus="yes">
        <source>Together they would release %n blocked session(s), by the blocking tree.</source>
        <translation>
            <numerusform>Zusammen würden sie laut Blockierbaum %n blockierte Sitzung freigeben.</numerusform>
            <numerusform>Zusammen würden sie laut Blockierbaum %n blockierte Sitzungen freigeben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n query(s)</source>
        <translation>
            <numerusform>%n Abfrage abbrechen</numerusform>
            <numerusform>%n Abfragen abbrechen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Terminate %n session(s)</source>
        <translation>
            <numerusform>%n Sitzung beenden</numerusform>
            <numerusform>%n Sitzungen beenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel, then terminate %n</source>
        <translation>
            <numerusform>Abbrechen, dann %n beenden</numerusform>
            <numerusform>Abbrechen, dann %n beenden</numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>Done (also in the audit log)</source>
        <translation>Erledigt (auch im Audit-Log)</translation>
    </message>
    <message>
        <source>Refused (also in the audit log)</source>
        <translation>Abgelehnt (auch im Audit-Log)</translation>
    </message>
    <message numerus="yes">
        <source>Done, %n refused (also in the audit log)</source>
        <translation>
            <numerusform>Erledigt, %n abgelehnt (auch im Audit-Log)</numerusform>
            <numerusform>Erledigt, %n abgelehnt (auch im Audit-Log)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SessionActionsBar</name>
    <message>
        <source>Cancel Query</source>
        <translation>Abfrage abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected sessions&apos; queries (pg_cancel_backend); their connections stay.</source>
        <translation>Die Abfragen der ausgewählten Sitzungen abbrechen (pg_cancel_backend); ihre Verbindungen bleiben bestehen.</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>End the selected sessions (pg_terminate_backend); their transactions roll back.</source>
        <translation>Die ausgewählten Sitzungen beenden (pg_terminate_backend); ihre Transaktionen werden zurückgerollt.</translation>
    </message>
    <message>
        <source>Cancel, Then Terminate</source>
        <translation>Abbrechen, dann beenden</translation>
    </message>
    <message>
        <source>Cancel first; terminate after a grace period those still there.</source>
        <translation>Zuerst abbrechen; die danach noch vorhandenen nach einer Schonfrist beenden.</translation>
    </message>
    <message>
        <source>By Rule…</source>
        <translation>Nach Regel…</translation>
    </message>
    <message>
        <source>Pick sessions by state, age and database.</source>
        <translation>Sitzungen nach Zustand, Alter und Datenbank auswählen.</translation>
    </message>
    <message>
        <source>idle in transaction</source>
        <translation>idle in transaction</translation>
    </message>
    <message>
        <source>idle in transaction (aborted)</source>
        <translation>idle in transaction (aborted)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>any state</source>
        <translation>beliebiger Zustand</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>any database</source>
        <translation>beliebige Datenbank</translation>
    </message>
    <message>
        <source>Cancel Matching</source>
        <translation>Passende abbrechen</translation>
    </message>
    <message>
        <source>Terminate Matching</source>
        <translation>Passende beenden</translation>
    </message>
    <message>
        <source>Client sessions</source>
        <translation>Client-Sitzungen</translation>
    </message>
    <message>
        <source>for at least</source>
        <translation>seit mindestens</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>%1 for at least %2 min in %3</source>
        <translation>%1 seit mindestens %2 min in %3</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SessionTableModel</name>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n Worker</numerusform>
            <numerusform>%n Worker</numerusform>
        </translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Warteereignis</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>Query age</source>
        <translation>Abfragealter</translation>
    </message>
    <message>
        <source>State age</source>
        <translation>Zustandsalter</translation>
    </message>
    <message>
        <source>Query id</source>
        <translation>Query-ID</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SqlEditor</name>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Lock:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Sperre:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Instead:&lt;/b&gt;&lt;pre&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;Stattdessen:&lt;/b&gt;&lt;pre&gt;%1&lt;/pre&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;A quick fix rewrites it (Ctrl+.).</source>
        <translation>&lt;br&gt;Eine Schnellkorrektur schreibt sie um (Strg+.).</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SqlEditorTab</name>
    <message>
        <source>Quick fix</source>
        <translation>Schnellkorrektur</translation>
    </message>
    <message>
        <source>Rewrite the statement the safe way (Ctrl+.)</source>
        <translation>Die Anweisung auf die sichere Art umschreiben (Strg+.)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Toggle comment</source>
        <translation>Kommentar umschalten</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Nächstes suchen</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Vorheriges suchen</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vervollständigen</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Keine Befunde.</translation>
    </message>
    <message>
        <source>No findings · linted in %1 ms</source>
        <translation>Keine Befunde · geprüft in %1 ms</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings, %3 notes · linted in %4 ms</source>
        <translation>%1 Fehler, %2 Warnungen, %3 Anmerkungen · geprüft in %4 ms</translation>
    </message>
    <message>
        <source> · as %1</source>
        <translation> · als %1</translation>
    </message>
    <message>
        <source> · table sizes of the target</source>
        <translation> · Tabellengrößen des Ziels</translation>
    </message>
    <message>
        <source> · local table sizes, not trusted</source>
        <translation> · lokale Tabellengrößen, nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>Not run: the connection changed while its locks were checked.</source>
        <translation>Nicht ausgeführt: Die Verbindung hat sich geändert, während ihre Sperren geprüft wurden.</translation>
    </message>
    <message>
        <source>There is no statement at the caret to run.</source>
        <translation>An der Schreibmarke steht keine Anweisung zum Ausführen.</translation>
    </message>
    <message>
        <source>Not connected: pick a profile first (Profiles, or the bar at the top).</source>
        <translation>Nicht verbunden: Wählen Sie zuerst ein Profil (Profile oder die Leiste oben).</translation>
    </message>
    <message>
        <source>Checking who holds or waits for locks on %1…</source>
        <translation>Es wird geprüft, wer Sperren auf %1 hält oder auf sie wartet…</translation>
    </message>
    <message>
        <source>Not run: the statements were not confirmed.</source>
        <translation>Nicht ausgeführt: Die Anweisungen wurden nicht bestätigt.</translation>
    </message>
    <message>
        <source>Not run: the text changed (or another run started) while its locks were checked. Run it again.</source>
        <translation>Nicht ausgeführt: Der Text hat sich geändert (oder eine andere Ausführung hat begonnen), während die Sperren geprüft wurden. Bitte erneut ausführen.</translation>
    </message>
    <message>
        <source>Nobody holds or waits for a lock in the way (checked in %1).</source>
        <translation>Niemand hält eine im Weg stehende Sperre oder wartet auf eine (geprüft in %1).</translation>
    </message>
    <message>
        <source>Running line %1…</source>
        <translation>Zeile %1 wird ausgeführt…</translation>
    </message>
    <message>
        <source>Select one statement to explain.</source>
        <translation>Wählen Sie eine einzelne Anweisung für Explain aus.</translation>
    </message>
    <message>
        <source>There is no statement at the caret to explain.</source>
        <translation>An der Schreibmarke steht keine Anweisung für Explain.</translation>
    </message>
    <message>
        <source>The transaction failed: roll it back before explaining.</source>
        <translation>Die Transaktion ist fehlgeschlagen: Rollen Sie sie vor Explain zurück.</translation>
    </message>
    <message>
        <source>Explain: %1</source>
        <translation>Explain: %1</translation>
    </message>
    <message>
        <source>Explained in %1; the plan is open in the Plan tool.</source>
        <translation>Explain in %1; der Plan ist im Plan-Werkzeug geöffnet.</translation>
    </message>
    <message>
        <source>Done in %1.</source>
        <translation>Fertig in %1.</translation>
    </message>
    <message>
        <source>Cancelled after %1.</source>
        <translation>Abgebrochen nach %1.</translation>
    </message>
    <message>
        <source> at line %1</source>
        <translation> in Zeile %1</translation>
    </message>
    <message>
        <source>
The session is gone; an open transaction was rolled back.</source>
        <translation>
Die Sitzung ist weg; eine offene Transaktion wurde zurückgerollt.</translation>
    </message>
    <message>
        <source>Failed after %1%2: %3</source>
        <translation>Fehlgeschlagen nach %1%2: %3</translation>
    </message>
    <message>
        <source>The change is not committed yet: it is checked against the catalog when it runs outside a transaction.</source>
        <translation>Die Änderung ist noch nicht committet: Sie wird gegen den Katalog geprüft, wenn sie außerhalb einer Transaktion läuft.</translation>
    </message>
    <message>
        <source>no file name</source>
        <translation>kein Dateiname</translation>
    </message>
    <message>
        <source>Untitled %1</source>
        <translation>Unbenannt %1</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SqlMigrationActions</name>
    <message>
        <source>Add Selection to Migration</source>
        <translation>Auswahl zur Migration hinzufügen</translation>
    </message>
    <message>
        <source>Add Tab&apos;s Statements to Migration</source>
        <translation>Anweisungen des Tabs zur Migration hinzufügen</translation>
    </message>
    <message>
        <source>Append the selected statements (not run) to the latest pending migration file; the CHANGELOG follows</source>
        <translation>Die ausgewählten Anweisungen (nicht ausgeführt) an die neueste ausstehende Migrationsdatei anhängen; das CHANGELOG folgt</translation>
    </message>
    <message>
        <source>Append every statement of this tab that changes something (not run) to the latest pending migration file</source>
        <translation>Jede Anweisung dieses Tabs, die etwas ändert (nicht ausgeführt), an die neueste ausstehende Migrationsdatei anhängen</translation>
    </message>
    <message>
        <source>Select the statements to add first.</source>
        <translation>Wählen Sie zuerst die hinzuzufügenden Anweisungen aus.</translation>
    </message>
    <message>
        <source>This connection has no migrations folder to add to.</source>
        <translation>Diese Verbindung hat keinen Migrationsordner, zu dem hinzugefügt werden kann.</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::SqlPage</name>
    <message>
        <source>Open recent</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Open SQL files</source>
        <translation>SQL-Dateien öffnen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Large file</source>
        <translation>Große Datei</translation>
    </message>
    <message>
        <source>%1 is %2 MB. Opening it takes about twice that in memory and linting it a while. Open it?</source>
        <translation>%1 ist %2 MB groß. Das Öffnen braucht etwa doppelt so viel Speicher und das Prüfen eine Weile. Öffnen?</translation>
    </message>
    <message>
        <source>Not UTF-8</source>
        <translation>Kein UTF-8</translation>
    </message>
    <message>
        <source>%1

Open it as Latin-1? Saving then writes it as UTF-8.</source>
        <translation>%1

Als Latin-1 öffnen? Beim Speichern wird die Datei dann als UTF-8 geschrieben.</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>%1

Your text is still here; save it elsewhere with Save as.</source>
        <translation>%1

Ihr Text ist noch da; speichern Sie ihn mit „Speichern unter“ an anderer Stelle.</translation>
    </message>
    <message>
        <source>%1 is a released migration: it is never changed. Save your text as a new file.</source>
        <translation>%1 ist eine veröffentlichte Migration: Sie wird nie geändert. Speichern Sie Ihren Text als neue Datei.</translation>
    </message>
    <message>
        <source>Save SQL file</source>
        <translation>SQL-Datei speichern</translation>
    </message>
    <message>
        <source>Released migration</source>
        <translation>Veröffentlichte Migration</translation>
    </message>
    <message>
        <source>%1 is inside a released part of the migrations folder: released migrations are never changed. Choose another name.</source>
        <translation>%1 liegt in einem veröffentlichten Teil des Migrationsordners: Veröffentlichte Migrationen werden nie geändert. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Open transaction</source>
        <translation>Offene Transaktion</translation>
    </message>
    <message>
        <source>%1 has a transaction that is not committed. Closing the tab rolls it back. Roll back and close?</source>
        <translation>%1 hat eine nicht committete Transaktion. Das Schließen des Tabs rollt sie zurück. Zurückrollen und schließen?</translation>
    </message>
    <message>
        <source>Unsaved text cannot be kept safe: %1</source>
        <translation>Ungespeicherter Text kann nicht gesichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved editor tab(s) from the last session came back.</source>
        <translation>
            <numerusform>%n ungespeicherter Editor-Tab aus der letzten Sitzung wurde wiederhergestellt.</numerusform>
            <numerusform>%n ungespeicherte Editor-Tabs aus der letzten Sitzung wurden wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved text of %1 could not be kept safe: %2</source>
        <translation>Ungespeicherter Text von %1 konnte nicht gesichert werden: %2</translation>
    </message>
    <message>
        <source>plain SQL</source>
        <translation>einfaches SQL</translation>
    </message>
    <message>
        <source>Not in the profile&apos;s migrations folder: each statement on its own.</source>
        <translation>Nicht im Migrationsordner des Profils: jede Anweisung für sich.</translation>
    </message>
    <message>
        <source>a %1 migration in one transaction</source>
        <translation>eine %1-Migration in einer Transaktion</translation>
    </message>
    <message>
        <source>a %1 migration</source>
        <translation>eine %1-Migration</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>An SQL editor that lints migrations while you type: the lock each statement takes, table rewrites, and the online way to do the same.</source>
        <translation>Ein SQL-Editor, der Migrationen beim Tippen prüft: die Sperre, die jede Anweisung setzt, das Neuschreiben von Tabellen und der Online-Weg zum gleichen Ergebnis.</translation>
    </message>
    <message>
        <source>Lint without the server&apos;s catalog: %1</source>
        <translation>Lint ohne den Katalog des Servers: %1</translation>
    </message>
    <message>
        <source>%1 was deleted or moved; the text stays in its tab.</source>
        <translation>%1 wurde gelöscht oder verschoben; der Text bleibt in seinem Tab.</translation>
    </message>
    <message>
        <source>%1 changed on disk and was read again.</source>
        <translation>%1 wurde auf der Festplatte geändert und neu eingelesen.</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>Auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 was changed by another program, and this tab has changes of its own. Read the file again and drop your changes?</source>
        <translation>%1 wurde von einem anderen Programm geändert, und dieser Tab hat eigene Änderungen. Die Datei neu einlesen und Ihre Änderungen verwerfen?</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::ValueViewer</name>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>The value is SQL NULL.</source>
        <translation>Der Wert ist SQL NULL.</translation>
    </message>
    <message numerus="yes">
        <source>%n characters%1</source>
        <translation>
            <numerusform>%n Zeichen%1</numerusform>
            <numerusform>%n Zeichen%1</numerusform>
        </translation>
    </message>
    <message>
        <source>, JSON shown indented</source>
        <translation>, JSON eingerückt angezeigt</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>tusk::widgets::WhatIfView</name>
    <message>
        <source>Open in SQL Editor</source>
        <translation>Im SQL-Editor öffnen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Open the statement in a new SQL editor tab, to review and run</source>
        <translation>Die Anweisung in einem neuen SQL-Editor-Tab öffnen, um sie zu prüfen und auszuführen</translation>
    </message>
    <message>
        <source>Copy the statement</source>
        <translation>Die Anweisung kopieren</translation>
    </message>
    <message>
        <source>Suggested:</source>
        <translation>Vorgeschlagen:</translation>
    </message>
    <message>
        <source>cost %1 → %2</source>
        <translation>Kosten %1 → %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;With an index on %1 the planner would use it&lt;/b&gt;: %2. Both plans are the planner&apos;s estimates (EXPLAIN without ANALYZE) with a hypothetical index (HypoPG); nothing was built.</source>
        <translation>&lt;b&gt;Mit einem Index auf %1 würde der Planer ihn verwenden&lt;/b&gt;: %2. Beide Pläne sind Schätzungen des Planers (EXPLAIN ohne ANALYZE) mit einem hypothetischen Index (HypoPG); nichts wurde angelegt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;With an index on %1 the planner would still not use it&lt;/b&gt; (%2): the filter may not be selective enough, or the statistics are stale (ANALYZE the table). Both plans are estimates; nothing was built.</source>
        <translation>&lt;b&gt;Mit einem Index auf %1 würde der Planer ihn trotzdem nicht verwenden&lt;/b&gt; (%2): Der Filter ist womöglich nicht selektiv genug, oder die Statistiken sind veraltet (ANALYZE für die Tabelle ausführen). Beide Pläne sind Schätzungen; nichts wurde angelegt.</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Mit %1</translation>
    </message>
</context>
</TS>
