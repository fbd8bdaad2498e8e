{{%AUTOESCAPE context="HTML"}}
<h1>Дорожная карта</h1>
{{#SCHOOL}}<p class="kicker">{{NAME}}</p>{{/SCHOOL}}
<p class="lead">{{TITLE}}</p>
<p class="muted">{{PERIOD}}{{#APPROVED}}. Утверждена: {{TEXT}}{{/APPROVED}}</p>

<div class="metric">
<p class="metric-value"><span class="big">{{METRIC}}&nbsp;%</span> — доля исполненных и подтвержденных мероприятий дорожной карты на {{METRIC_DATE}}</p>
<p>Подтверждено {{METRIC_CONFIRMED}} из {{METRIC_DUE}} мероприятий, срок которых наступил; исполнено и ждёт подтверждения: {{METRIC_DONE}}; просрочено: {{METRIC_OVERDUE}}; всего по плану: {{METRIC_TOTAL}}.</p>
</div>

<form class="filters" method="get" action="{{BASE}}">
<div class="field">
<label for="f-task">Задача</label>
<select id="f-task" name="task">
<option value="">все</option>
{{#TASK_OPTION}}<option value="{{SEQ}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>
{{/TASK_OPTION}}
</select>
</div>
<div class="field">
<label for="f-status">Статус</label>
<select id="f-status" name="status">
<option value="">все</option>
{{#STATUS_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}
</select>
</div>
<div class="field">
<label for="f-resp">Ответственный</label>
<select id="f-resp" name="responsible">
<option value="">все</option>
{{#ACTOR_OPTION}}<option value="{{NAME}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} ({{COUNT}})</option>
{{/ACTOR_OPTION}}
</select>
</div>
<div class="field">
<label for="f-month">Срок в месяце (ГГГГ-ММ)</label>
<input id="f-month" name="month" type="month" value="{{MONTH}}">
</div>
<div class="field check">
<input id="f-overdue" name="overdue" type="checkbox" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}>
<label for="f-overdue">Только просроченные</label>
</div>
<button type="submit">Показать</button>
{{#FILTERED}}<a class="reset" href="{{BASE}}">Сбросить фильтры</a>{{/FILTERED}}
</form>

{{#CAN_EDIT}}<p><a href="/{{MUNI_SLUG}}/roadmap/items/new?roadmap={{ROADMAP}}">Добавить мероприятие</a> · <a href="/{{MUNI_SLUG}}/roadmap/import">Загрузить дорожную карту из файла</a> · <a href="/{{MUNI_SLUG}}/results/import">Загрузить результаты и социальные данные</a></p>{{/CAN_EDIT}}
<p class="exports">Скачать таблицу с текущими фильтрами: <a href="{{BASE}}export.csv{{QUERY}}">CSV</a> · <a href="{{BASE}}export.xlsx{{QUERY}}">XLSX</a></p>
<section class="scroll" tabindex="0" aria-labelledby="t-roadmap">
<table class="roadmap">
<caption id="t-roadmap">Мероприятия дорожной карты: показано {{N_SHOWN}} из {{N_TOTAL}}</caption>
<thead><tr><th scope="col">№</th><th scope="col">Мероприятие</th><th scope="col">Планируемый результат</th><th scope="col">Срок</th><th scope="col">Ближайший срок</th><th scope="col">Ответственный</th><th scope="col">Статус</th></tr></thead>
<tbody class="summary">
<tr><th scope="row" colspan="6">Итого: {{N_SHOWN}} мероприятий{{#COUNT}}; {{LABEL}}: {{N}}{{/COUNT}}</th><td>{{METRIC}}&nbsp;% подтверждено</td></tr>
</tbody>
{{#TASK}}
<tbody>
<tr class="task"><th scope="rowgroup" colspan="7">{{TITLE}}</th></tr>
{{#ITEM}}<tr class="item"><td>{{NUMBER}}</td><td><a href="/{{MUNI_SLUG}}/roadmap/items/{{ID}}/">{{MEASURE}}</a></td><td>{{RESULT}}</td><td>{{DEADLINE}}</td><td>{{NEXT_DUE}}</td><td>{{RESPONSIBLE}}</td><td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>
{{/ITEM}}
</tbody>
{{/TASK}}
</table>
</section>
{{#NOTHING_FOUND}}<p>По выбранным условиям мероприятий нет.</p>{{/NOTHING_FOUND}}
