{{%AUTOESCAPE context="HTML"}}
<h1>Панель координатора: {{MUNI_NAME}}</h1>
<p class="lead">Сводка на {{DATE}}{{#SCOPE_CURATOR}}: только ваши школы{{/SCOPE_CURATOR}}. Сначала итоги, ниже — подробности по каждой школе; каждая таблица скачивается в CSV и XLSX ровно так, как показана.</p>
<form class="filters" method="get" action="/{{MUNI}}/dashboard/">
{{#FILTER}}<div class="field">
<label for="f-{{NAME}}">{{LABEL}}</label>
<select id="f-{{NAME}}" name="{{NAME}}">
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>
{{/OPTION}}</select>
</div>
{{/FILTER}}<button type="submit">Показать</button>
</form>
<section class="band" id="summary" aria-labelledby="h-summary">
<h2 id="h-summary">Сводка</h2>
<dl class="facts">
{{#BAND}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>
{{/BAND}}</dl>
<p class="exports">Скачать сводку: <a href="/{{MUNI}}/dashboard/summary.csv{{#QUERY}}?{{Q}}{{/QUERY}}">CSV</a> · <a href="/{{MUNI}}/dashboard/summary.xlsx{{#QUERY}}?{{Q}}{{/QUERY}}">XLSX</a></p>
</section>
<nav aria-label="Разделы панели"><ul class="actions">
<li><a href="#matrix">Документы</a></li><li><a href="#risks">Риски</a></li><li><a href="#results">Результаты</a></li><li><a href="#trend">Результаты по годам</a></li><li><a href="#progress">Дорожные карты школ</a></li><li><a href="#tasks">Задачи</a></li><li><a href="#overdue">Просроченные мероприятия</a></li><li><a href="#indicators">Показатели</a></li>
</ul></nav>
<p><a href="/{{MUNI}}/monitoring/">Мониторинг сайтов школ</a>: раунды проверки разделов «Повышение качества» на сайтах школ.</p>
{{#VIEW}}{{>TABLE}}{{/VIEW}}
