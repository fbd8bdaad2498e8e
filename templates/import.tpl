{{%AUTOESCAPE context="HTML"}}
<h1>Новая дорожная карта</h1>
<p>Файл TSV, CSV (UTF-8, разделитель «;» или «,») или XLSX с колонками «№», «Мероприятия», «Планируемый результат», «Сроки», «Ответственный»; строка, в которой заполнена только первая ячейка («Задача 1: …»), начинает новую задачу. Сначала портал покажет, как он прочитал каждую строку; дорожная карта появится только после подтверждения.</p>
{{#MESSAGE}}<p class="err" role="alert">{{TEXT}}</p>{{/MESSAGE}}
<form class="stack" method="post" action="/{{MUNI}}/roadmap/import" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field"><label for="title">Название дорожной карты</label>
<input id="title" name="title" type="text" value="{{TITLE}}" required maxlength="300"></div>
<div class="field"><label for="school">Чья дорожная карта</label>
<select id="school" name="school">
<option value="">муниципалитета</option>
{{#SCHOOL_OPTION}}<option value="{{SLUG}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SCHOOL_OPTION}}
</select></div>
<div class="field"><label for="year_from">Первый год</label>
<input id="year_from" name="year_from" type="number" min="2000" max="2100" value="{{FROM}}" required></div>
<div class="field"><label for="year_to">Последний год</label>
<input id="year_to" name="year_to" type="number" min="2000" max="2100" value="{{TO}}" required></div>
<div class="field"><label for="file">Файл</label>
<input id="file" name="file" type="file" required></div>
<button type="submit">Проверить файл</button>
<p>Или создайте дорожную карту без файла и добавьте мероприятия по одному:</p>
<button type="submit" name="empty" value="1" formnovalidate>Создать пустую дорожную карту</button>
</form>
{{#PREVIEW}}
<section aria-labelledby="pv-h">
<h2 id="pv-h">Как прочитан файл</h2>
<p>Строк: {{N}}; с замечаниями: {{N_ERRORS}}. Строки без мероприятия не загружаются; нераспознанный срок, повтор номера или ячейка, похожая на формулу, сохраняются как в файле.</p>
{{#EXISTS}}<p class="err" role="status">Эта дорожная карта уже загружена: повторная загрузка ничего не изменит.</p>{{/EXISTS}}
{{#FIX_FIRST}}<p class="err" role="alert">В файле есть строки без мероприятия: исправьте их и загрузите файл снова.</p>{{/FIX_FIRST}}
{{#CONFIRM}}
<form class="stack" method="post" action="/{{MUNI}}/roadmap/import/confirm">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="title" value="{{TITLE}}">
<input type="hidden" name="year_from" value="{{FROM}}">
<input type="hidden" name="year_to" value="{{TO}}">
<input type="hidden" name="sha256" value="{{SHA}}">
<input type="hidden" name="mime" value="{{MIME}}">
<input type="hidden" name="name" value="{{NAME}}">
<input type="hidden" name="school" value="{{SCHOOL_SLUG}}">
<button type="submit">Загрузить дорожную карту ({{N}} мероприятий)</button>
</form>
{{/CONFIRM}}
<section class="scroll" tabindex="0" aria-labelledby="t-preview">
<table>
<caption id="t-preview">Строки файла</caption>
<thead><tr><th scope="col">Строка</th><th scope="col">Задача</th><th scope="col">№</th><th scope="col">Мероприятие</th><th scope="col">Срок</th><th scope="col">Как понят срок</th><th scope="col">Ответственный</th><th scope="col">Замечания</th></tr></thead>
<tbody>
{{#ROW}}<tr{{#BAD}} class="bad"{{/BAD}}><td>{{LINE}}</td><td>{{TASK}}</td><td>{{NUMBER}}</td><th scope="row">{{MEASURE}}</th><td>{{DEADLINE}}</td><td>{{KIND}}</td><td>{{RESPONSIBLE}}</td><td>{{#ERROR}}<span class="err">{{TEXT}}</span> {{/ERROR}}</td></tr>
{{/ROW}}
</tbody>
</table>
</section>
</section>
{{/PREVIEW}}
