{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="ru">
<head><meta charset="utf-8"><title>{{KIND}}</title></head>
<body>
<p>Здравствуйте, {{NAME}}!</p>
{{#doc_submitted}}<p>Школа сдала документ на проверку: «{{TITLE}}»{{#SCHOOL}} ({{NAME}}){{/SCHOOL}}.</p>
<p><a href="{{URL}}">Проверить документ</a></p>{{/doc_submitted}}
{{#doc_returned}}<p>Куратор вернул документ на доработку: «{{TITLE}}»{{#SCHOOL}} ({{NAME}}){{/SCHOOL}}.</p>
{{#COMMENT}}<p>Что исправить: {{TEXT}}</p>{{/COMMENT}}
<p><a href="{{URL}}">Загрузить исправленную версию</a></p>{{/doc_returned}}
{{#doc_accepted}}<p>Куратор принял документ, он опубликован: «{{TITLE}}»{{#SCHOOL}} ({{NAME}}){{/SCHOOL}}.</p>
<p><a href="{{URL}}">Открыть документ</a></p>{{/doc_accepted}}
{{#due_7}}<p>Через неделю срок мероприятия: «{{TITLE}}».{{#DUE}} Срок: {{DATE}}.{{/DUE}}</p>
<p><a href="{{URL}}">Открыть мероприятие</a></p>{{/due_7}}
{{#due_1}}<p>Завтра срок мероприятия: «{{TITLE}}».{{#DUE}} Срок: {{DATE}}.{{/DUE}}</p>
<p><a href="{{URL}}">Открыть мероприятие</a></p>{{/due_1}}
{{#overdue}}<p>Мероприятие просрочено: «{{TITLE}}».{{#DUE}} Срок был: {{DATE}}.{{/DUE}} Отметьте выполнение или сообщите куратору о переносе.</p>
<p><a href="{{URL}}">Открыть мероприятие</a></p>{{/overdue}}
{{#monitoring}}<p>Проверен раздел «Повышение качества» на сайте школы{{#SCHOOL}} {{NAME}}{{/SCHOOL}}.</p>
{{#COMMENT}}<p>{{TEXT}}</p>{{/COMMENT}}
<p><a href="{{URL}}">Итоги проверки</a></p>{{/monitoring}}
{{#digest}}<p>Ваши мероприятия со сроком в ближайшую неделю и просроченные ({{N}}):</p>
<ul>{{#ITEM}}<li><a href="{{URL}}">{{MEASURE}}</a> — {{DUE}}, {{STATE}}</li>{{/ITEM}}</ul>
<p><a href="{{URL}}">Все ваши мероприятия</a></p>{{/digest}}
<hr>
<p>Портал «Качество образования». Письмо отправлено автоматически, отвечать на него не нужно.
<a href="{{SETTINGS_URL}}">Какие письма получать</a></p>
</body>
</html>
