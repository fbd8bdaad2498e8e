{{%AUTOESCAPE context="HTML"}}
<h1>Загрузка результатов и социальных данных</h1>
<p>Файл TSV, CSV (UTF-8, разделитель «;» или «,») или XLSX. Результаты: столбцы «Школа», «Процедура», «Предмет», «Класс», «Год», «Показатель», «Значение», по желанию «Участников» и «Этап». Социальные данные: «Школа», «Год», «Индекс», по желанию «Статус». Школу можно указать номером («7»), кратким названием («СОШ № 7»), а строки сравнения — словами «Город» и «Область». Образцы: <a href="/static/results-sample.tsv" download>результаты</a>, <a href="/static/social-sample.tsv" download>социальные данные</a>.</p>
<p>Сначала портал покажет, как он прочитал каждую строку и что изменится; данные будут записаны только после подтверждения. Если хотя бы в одной строке есть ошибка, файл не загружается целиком.</p>
{{#DONE}}<p class="ok" role="status">Загрузка завершена: новых и изменённых строк — {{N}}.</p>{{/DONE}}
{{#MESSAGE}}<p class="err" role="alert">{{TEXT}}</p>{{/MESSAGE}}
<form class="stack" method="post" action="/{{MUNI}}/results/import" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field"><label for="file">Файл</label>
<input id="file" name="file" type="file" required></div>
<button type="submit">Проверить файл</button>
</form>
{{#PREVIEW}}
<section aria-labelledby="pv-h">
<h2 id="pv-h">Как прочитан файл</h2>
<p>{{#IS_RESULTS}}Результаты оценочных процедур.{{/IS_RESULTS}}{{#IS_SOCIAL}}Индекс социального благополучия (служебные данные, на публичных страницах не показываются).{{/IS_SOCIAL}} Строк: {{N}}; с ошибками: {{N_ERRORS}}; новых: {{N_NEW}}; изменится: {{N_CHANGED}}; без изменений: {{N_SAME}}.</p>
{{#FIX_FIRST}}<p class="err" role="alert">В файле есть строки с ошибками: ничего не загружено. Исправьте их и загрузите файл снова.</p>{{/FIX_FIRST}}
{{#UNCHANGED}}<p class="ok" role="status">Эти данные уже загружены: повторная загрузка ничего не изменит.</p>{{/UNCHANGED}}
{{#CONFIRM}}
<form class="stack" method="post" action="/{{MUNI}}/results/import/confirm">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="sha256" value="{{SHA}}">
<input type="hidden" name="mime" value="{{MIME}}">
<input type="hidden" name="name" value="{{NAME}}">
<button type="submit">Загрузить ({{N}} новых и изменённых строк)</button>
</form>
{{/CONFIRM}}
<section class="scroll" tabindex="0" aria-labelledby="t-preview">
<table>
<caption id="t-preview">Строки файла</caption>
<thead><tr><th scope="col">Строка</th><th scope="col">Школа</th>{{#IS_RESULTS}}<th scope="col">Процедура</th><th scope="col">Предмет</th><th scope="col">Класс</th>{{/IS_RESULTS}}<th scope="col">Год</th>{{#IS_RESULTS}}<th scope="col">Показатель</th><th scope="col">Значение</th><th scope="col">Участников</th><th scope="col">Этап</th>{{/IS_RESULTS}}{{#IS_SOCIAL}}<th scope="col">Индекс</th><th scope="col">Статус</th>{{/IS_SOCIAL}}<th scope="col">Итог</th></tr></thead>
<tbody>
{{#ROW}}<tr{{#BAD}} class="bad"{{/BAD}}><td>{{LINE}}</td><th scope="row">{{SCHOOL}}</th>{{#RESULT}}<td>{{PROCEDURE}}</td><td>{{SUBJECT}}</td><td>{{GRADE}}</td>{{/RESULT}}<td>{{YEAR}}</td>{{#RESULT}}<td>{{METRIC}}</td>{{/RESULT}}<td class="num">{{VALUE}}</td>{{#RESULT}}<td class="num">{{N}}</td><td>{{STAGE}}</td>{{/RESULT}}{{#SOCIAL}}<td>{{STATUS}}</td>{{/SOCIAL}}<td>{{CHANGE}}{{#ERROR}}<span class="err">{{TEXT}}</span> {{/ERROR}}</td></tr>
{{/ROW}}
</tbody>
</table>
</section>
</section>
{{/PREVIEW}}
