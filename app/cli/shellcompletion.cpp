#include "shellcompletion.h"

#include "commandreference.h"

namespace tusk::app {

namespace {
// Single-quoted for either shell.
QString quoted(const QString &text)
{
    QString body = text;
    body.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + body + QLatin1Char('\'');
}

QStringList optionNames(const HelpPage &page)
{
    QStringList names;
    for (const HelpPage::Option &o : page.userOptions())
        names << o.names;
    return names;
}

// bash: what follows an option that takes a value.
QString bashValueCases(const HelpPage &page)
{
    QString out;
    for (const HelpPage::Option &o : page.userOptions()) {
        if (o.valueName.isEmpty())
            continue;
        const QString pattern = o.names.join(QLatin1Char('|'));
        if (o.takesPath())
            out += QStringLiteral("        %1) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n")
                       .arg(pattern);
        else if (!o.values().isEmpty())
            out +=
                QStringLiteral("        %1) COMPREPLY=($(compgen -W %2 -- \"$cur\")); return ;;\n")
                    .arg(pattern, quoted(o.values().join(QLatin1Char(' '))));
        else
            out += QStringLiteral("        %1) return ;;\n").arg(pattern);
    }
    return out;
}

// zsh: one _arguments spec per option.
QStringList zshSpecs(const HelpPage &page)
{
    QStringList specs;
    for (const HelpPage::Option &o : page.userOptions()) {
        QString help = o.text;
        help.replace(QLatin1Char('['), QLatin1Char('('))
            .replace(QLatin1Char(']'), QLatin1Char(')'));
        help.replace(QLatin1Char(':'), QLatin1String("\\:"));
        QString action;
        if (!o.valueName.isEmpty()) {
            const QString value = o.takesPath() ? QStringLiteral("_files")
                : o.values().isEmpty()
                ? QString()
                : QLatin1Char('(') + o.values().join(QLatin1Char(' ')) + QLatin1Char(')');
            action = QLatin1Char(':') + o.valueName.toLower() + QLatin1Char(':') + value;
        }
        const QString names = o.names.size() > 1
            ? QLatin1Char('(') + o.names.join(QLatin1Char(' ')) + QLatin1Char(')')
                + QLatin1Char('{') + o.names.join(QLatin1Char(',')) + QLatin1Char('}')
            : o.names.front();
        specs << (o.names.size() > 1
                ? names + quoted(QLatin1Char('[') + help + QLatin1Char(']') + action)
                : quoted(names + QLatin1Char('[') + help + QLatin1Char(']') + action));
    }
    return specs;
}
} // namespace

QString ShellCompletion::bash(const CommandReference &reference)
{
    QStringList commands, windowOptions;
    for (const CommandReference::Command &c : reference.commands)
        commands << c.name;
    for (const CommandReference::WindowOption &o : reference.windowOptions)
        windowOptions << o.name;
    windowOptions << QStringLiteral("--help") << QStringLiteral("--version");
    QString out = QStringLiteral(
        "# bash completion for tusk %1, written by `tusk help --completion bash`.\n"
        "_tusk()\n{\n"
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        "    COMPREPLY=()\n"
        "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
        "        if [[ $cur == -* ]]; then\n"
        "            COMPREPLY=($(compgen -W %2 -- \"$cur\"))\n"
        "        else\n"
        "            COMPREPLY=($(compgen -W %3 -- \"$cur\") $(compgen -f -- \"$cur\"))\n"
        "        fi\n"
        "        return\n"
        "    fi\n"
        "    if [[ ${COMP_WORDS[1]} == -* ]]; then\n"
        "        case $prev in\n"
        "        --db|--lang) return ;;\n"
        "        --sandbox-dir|--project) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
        "        esac\n"
        "        if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W %2 -- \"$cur\")); "
        "else COMPREPLY=($(compgen -f -- \"$cur\")); fi\n"
        "        return\n"
        "    fi\n"
        "    local page=${COMP_WORDS[1]}\n"
        "    [[ $COMP_CWORD -gt 2 ]] && case \"$page ${COMP_WORDS[2]}\" in\n")
                      .arg(reference.version, quoted(windowOptions.join(QLatin1Char(' '))),
                          quoted(commands.join(QLatin1Char(' '))));
    for (const CommandReference::Command &c : reference.commands)
        for (const HelpPage &page : c.pages.mid(1))
            out += QStringLiteral("    %1) page=%1 ;;\n").arg(quoted(page.command));
    out += QStringLiteral("    esac\n    case $page in\n");
    for (const CommandReference::Command &c : reference.commands) {
        for (const HelpPage &page : c.pages) {
            out += QStringLiteral("    %1)\n        case $prev in\n").arg(quoted(page.command));
            out += bashValueCases(page);
            out += QStringLiteral("        esac\n");
            out += QStringLiteral("        if [[ $cur == -* ]]; then\n"
                                  "            COMPREPLY=($(compgen -W %1 -- \"$cur\"))\n")
                       .arg(quoted(optionNames(page).join(QLatin1Char(' '))));
            if (page.command == c.name && !c.actions.isEmpty())
                out += QStringLiteral("        elif [[ $COMP_CWORD -eq 2 ]]; then\n"
                                      "            COMPREPLY=($(compgen -W %1 -- \"$cur\"))\n")
                           .arg(quoted(c.actions.join(QLatin1Char(' '))));
            else if (c.name == QLatin1String("help"))
                out += QStringLiteral("        elif [[ $COMP_CWORD -eq 2 ]]; then\n"
                                      "            COMPREPLY=($(compgen -W %1 -- \"$cur\"))\n")
                           .arg(quoted(commands.join(QLatin1Char(' '))));
            out += QStringLiteral("        else\n"
                                  "            COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                                  "        fi\n        ;;\n");
        }
    }
    out += QStringLiteral("    esac\n}\ncomplete -o filenames -F _tusk tusk\n");
    return out;
}

QString ShellCompletion::zsh(const CommandReference &reference)
{
    QString out = QStringLiteral("#compdef tusk\n"
                                 "# zsh completion for tusk %1, written by `tusk help "
                                 "--completion zsh`.\n\n_tusk() {\n"
                                 "  local -a commands\n  commands=(\n")
                      .arg(reference.version);
    for (const CommandReference::Command &c : reference.commands) {
        QString summary = c.summary;
        summary.replace(QLatin1Char(':'), QLatin1String("\\:"));
        out += QStringLiteral("    %1\n").arg(quoted(c.name + QLatin1Char(':') + summary));
    }
    out += QStringLiteral("  )\n  if (( CURRENT == 2 )); then\n"
                          "    if [[ $words[CURRENT] == -* ]]; then\n"
                          "      _arguments");
    for (const CommandReference::WindowOption &o : reference.windowOptions) {
        QString text = o.text;
        text.replace(QLatin1Char('['), QLatin1Char('('))
            .replace(QLatin1Char(']'), QLatin1Char(')'))
            .replace(QLatin1Char(':'), QLatin1String("\\:"));
        out += QLatin1Char(' ')
            + quoted(o.name + QLatin1Char('[') + text + QLatin1Char(']')
                + (o.valueName.isEmpty()
                        ? QString()
                        : QLatin1Char(':') + o.valueName.toLower() + QLatin1Char(':')));
    }
    out += QStringLiteral("\n    else\n      _describe -t commands 'tusk command' commands\n"
                          "      _files\n    fi\n    return\n  fi\n"
                          "  local page=$words[2]\n"
                          "  (( CURRENT > 3 )) && case \"$words[2] $words[3]\" in\n");
    for (const CommandReference::Command &c : reference.commands)
        for (const HelpPage &page : c.pages.mid(1))
            out += QStringLiteral("    (%1) page=%1 ;;\n").arg(quoted(page.command));
    out += QStringLiteral("  esac\n  shift words\n  (( CURRENT-- ))\n  case $page in\n");
    for (const CommandReference::Command &c : reference.commands) {
        for (const HelpPage &page : c.pages) {
            QStringList specs = zshSpecs(page);
            if (page.command == c.name && !c.actions.isEmpty())
                specs << quoted(QStringLiteral("1:action:(") + c.actions.join(QLatin1Char(' '))
                    + QLatin1Char(')'));
            else if (c.name == QLatin1String("help")) {
                QStringList names;
                for (const CommandReference::Command &other : reference.commands)
                    names << other.name;
                specs << quoted(QStringLiteral("1:command:(") + names.join(QLatin1Char(' '))
                    + QLatin1Char(')'));
            }
            specs << quoted(QStringLiteral("*:file:_files"));
            out += QStringLiteral("    (%1)\n      _arguments -s \\\n        %2\n      ;;\n")
                       .arg(quoted(page.command), specs.join(QStringLiteral(" \\\n        ")));
        }
    }
    out += QStringLiteral("  esac\n}\n\n_tusk \"$@\"\n");
    return out;
}

} // namespace tusk::app
