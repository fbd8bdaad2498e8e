#!/bin/sh
# check.sh: static rules of the code base, as ok / not ok lines: every template is
# auto-escaped and never unescaped, no request code can exit, every source file
# says what it is for, no HTML is built in C outside the last-resort error page.
n=0
fail=0
check() {
	n=$((n + 1))
	if [ -z "$2" ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		echo "$2" | sed 's/^/#   /'
		fail=1
	fi
}
missing=""
# *.xml.tpl (feeds) are escaped as XML; *.txt.tpl (plain-text mail, never served) say they are not
for t in templates/*.tpl; do
	case $t in
	*.xml.tpl) want='{{%AUTOESCAPE context="XML"}}' ;;
	*.txt.tpl) want='{{!PLAIN TEXT: not escaped, e-mail bodies only}}' ;;
	*) want='{{%AUTOESCAPE context="HTML"}}' ;;
	esac
	head -n 1 "$t" | grep -qxF "$want" || missing="$missing $t"
done
check "every template starts with the pragma of its kind (HTML; XML for feeds; plain-text mail marked)" "$missing"
check "no template disables escaping (:none)" "$(grep -n ':none' templates/*.tpl)"
check "trusted HTML (x-trusted-html) only as a line of its own, in text context" "$(grep -n 'x-trusted-html' templates/*.tpl | grep -v '^[^:]*:[0-9]*:{{[A-Z_]*:x-trusted-html}}$')"
check "trusted HTML is set only from md_render() output (content.c)" "$(grep -n 'tpl_set_html' src/*.c | grep -v '^src/content.c')"
check "no C or C++ code marks values as pre-escaped" "$(grep -n 'SetEscaped\|ShowTemplateGlobalSection\|:none' src/*.c src/*.cc src/*.h)"
check "request code never exits or aborts" "$(grep -n '\bexit(\|abort(\|assert(' src/*.c src/*.cc | grep -v '^src/main.c')"
check "no SQL is built with printf" "$(grep -n 'printf.*\(SELECT\|INSERT\|UPDATE\|DELETE\) ' src/*.c)"
check "no FCGX_FPrintF (its own formatter breaks %zu)" "$(grep -n 'FCGX_FPrintF' src/*.c)"
check "HTML tags in C only in render.c's last-resort page" "$(grep -n '<\(p\|div\|a\|h1\|table\|span\)[ >]' src/*.c src/*.cc | grep -v '^src/render.c')"
nohead=""
for f in src/*.c src/*.h src/*.cc tests/unit/*.c tests/e2e/*.c tests/fuzz/*.c; do
	head -n 3 "$f" | grep -q '/[*/]' || nohead="$nohead $f"
done
check "every source file opens with a comment saying what it is for" "$nohead"
exit $fail
