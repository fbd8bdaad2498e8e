{{%AUTOESCAPE context="HTML"}}
<p class="kicker">{{TYPE}}</p>
<h1>{{TITLE}}</h1>
<dl class="facts">
<div><dt>Версия</dt><dd>{{VERSION}}</dd></div>
<div><dt>Состояние</dt><dd><span class="status status-{{STATUS}}">{{PUBLIC_LABEL}}</span></dd></div>
<div><dt>Загружен</dt><dd>{{CREATED}}</dd></div>
{{#INSIDER}}<div><dt>Загрузил</dt><dd>{{AUTHOR}}</dd></div>{{/INSIDER}}
<div><dt>Файл</dt><dd>{{FILENAME}} ({{FORMAT}}, {{SIZE}} КБ)</dd></div>
</dl>
<p><a class="button" href="/{{MUNI}}/schools/{{SCHOOL}}/docs/{{ID}}/file">Скачать документ</a></p>
<section class="scroll" tabindex="0" aria-labelledby="t-versions">
<table>
<caption id="t-versions">Версии документа</caption>
<thead><tr><th scope="col">Версия</th><th scope="col">Название</th><th scope="col">Загружена</th><th scope="col">Состояние</th></tr></thead>
<tbody>
{{#VERSION_ROW}}<tr{{#CURRENT}} class="current"{{/CURRENT}}><td>{{VERSION}}</td><th scope="row"><a href="/{{MUNI}}/schools/{{SCHOOL}}/docs/{{ID}}/"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{TITLE}}</a></th><td>{{CREATED}}</td><td><span class="status status-{{STATUS}}">{{PUBLIC_LABEL}}</span></td></tr>
{{/VERSION_ROW}}
</tbody>
</table>
</section>
{{#INSIDER}}
<section class="scroll" tabindex="0" aria-labelledby="t-history">
<table>
<caption id="t-history">История изменений</caption>
<thead><tr><th scope="col">Когда</th><th scope="col">Кто</th><th scope="col">Что</th><th scope="col">Состояние</th><th scope="col">Комментарий</th></tr></thead>
<tbody>
{{#EVENT}}<tr><td>{{WHEN}}</td><td>{{WHO}}</td><th scope="row">{{ACTION}}</th><td>{{CHANGE}}</td><td>{{#DETAIL}}{{TEXT}}{{/DETAIL}}</td></tr>
{{/EVENT}}
</tbody>
</table>
</section>
{{/INSIDER}}
