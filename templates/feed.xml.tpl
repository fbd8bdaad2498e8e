{{%AUTOESCAPE context="XML"}}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
<id>{{SELF}}</id>
<title>{{TITLE}}</title>
<updated>{{UPDATED}}</updated>
<link rel="self" type="application/atom+xml" href="{{SELF}}"/>
<link rel="alternate" type="text/html" href="{{PAGE}}"/>
<author><name>{{AUTHOR}}</name></author>
{{#ENTRY}}<entry>
<id>{{URL}}</id>
<title>{{TITLE}}</title>
<updated>{{UPDATED}}</updated>
<link rel="alternate" type="text/html" href="{{URL}}"/>
<summary>{{SUMMARY}}</summary>
</entry>
{{/ENTRY}}</feed>
