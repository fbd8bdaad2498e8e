{{%AUTOESCAPE context="HTML"}}
<h1>Обновление разделов школ</h1>
<p>{{MUNI}}: раздел «Повышение качества» обновляется ежемесячно. Не обновлялись больше {{STALE_DAYS}} дней: {{STALE}} из {{TOTAL}}. Учитываются тексты, новости, документы и работа по дорожной карте. Рядом — что нашёл на собственном сайте школы {{#ROUND}}последний мониторинг ({{DATE}}){{/ROUND}}{{#NO_ROUND}}мониторинг сайтов{{/NO_ROUND}}.</p>
<p><a href="/{{MUNI_SLUG}}/freshness/export.csv">Скачать CSV</a> · <a href="/{{MUNI_SLUG}}/freshness/export.xlsx">Скачать XLSX</a></p>
<section class="scroll" tabindex="0" aria-labelledby="t-fresh">
<table>
<caption id="t-fresh">Последнее изменение раздела по школам, давно не обновлённые сверху</caption>
<thead><tr><th scope="col">Школа</th><th scope="col">Последнее изменение</th><th scope="col">Дней без обновления</th><th scope="col">Сайт школы обновлялся за месяц (мониторинг)</th></tr></thead>
<tbody>
{{#SCHOOL}}<tr{{#STALE}} class="stale"{{/STALE}}><th scope="row"><a href="/{{MUNI_SLUG}}/schools/{{SLUG}}/">{{NAME}}</a></th><td>{{DATE}}</td><td class="num">{{DAYS}}{{#STALE}} — больше месяца{{/STALE}}</td><td>{{SITE}}</td></tr>
{{/SCHOOL}}
</tbody>
</table>
</section>
