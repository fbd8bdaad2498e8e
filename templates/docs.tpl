{{%AUTOESCAPE context="HTML"}}
<h1>Документы школы</h1>
<p class="lead">{{NAME}}</p>
<p><a href="/{{MUNI}}/schools/{{SCHOOL}}/">Публичный раздел школы</a> · <a href="/{{MUNI}}/schools/{{SCHOOL}}/audit/">Журнал изменений</a></p>
<section aria-labelledby="req-h">
<h2 id="req-h">Обязательные документы</h2>
{{#NO_DOCS}}<p>Для школы не установлен перечень обязательных документов.</p>{{/NO_DOCS}}
{{#HAS_DOCS}}
<section class="scroll" tabindex="0" aria-labelledby="t-req">
<table>
<caption id="t-req">Что нужно представить и в каком состоянии</caption>
<thead><tr><th scope="col">Документ</th><th scope="col">Срок</th><th scope="col">Состояние</th></tr></thead>
<tbody>
{{#DOC}}<tr><th scope="row">{{TYPE}}</th><td>{{DUE}}</td><td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>
{{/DOC}}
</tbody>
</table>
</section>
{{/HAS_DOCS}}
</section>
{{#UPLOAD}}
<section aria-labelledby="upload-h">
<h2 id="upload-h">Загрузить документ</h2>
{{#HAS_ERRORS}}<p class="err" role="alert">Документ не загружен: исправьте отмеченные поля.</p>{{/HAS_ERRORS}}
<form class="stack" method="post" action="/{{MUNI}}/schools/{{SCHOOL}}/docs/" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="series" value="{{SERIES}}">
<div class="field">
<label for="type">Вид документа</label>
<select id="type" name="type" required{{#TYPE_ERR}} aria-describedby="type-err"{{/TYPE_ERR}}>
<option value="">— выберите —</option>
{{#TYPE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TYPE_OPTION}}
</select>
{{#TYPE_ERR}}<p class="err" id="type-err">{{MSG}}</p>{{/TYPE_ERR}}
</div>
<div class="field">
<label for="title">Название</label>
<input id="title" name="title" type="text" value="{{TITLE}}" required maxlength="300"{{#TITLE_ERR}} aria-describedby="title-err"{{/TITLE_ERR}}>
{{#TITLE_ERR}}<p class="err" id="title-err">{{MSG}}</p>{{/TITLE_ERR}}
</div>
<div class="field">
<label for="file">Файл (PDF, DOC, DOCX, ODT, XLS, XLSX, ODS, JPEG, PNG; до {{MAX_MB}} МБ)</label>
<input id="file" name="file" type="file" required{{#FILE_ERR}} aria-describedby="file-err"{{/FILE_ERR}}>
{{#FILE_ERR}}<p class="err" id="file-err">{{MSG}}</p>{{/FILE_ERR}}
</div>
<button type="submit">Загрузить</button>
</form>
</section>
<section aria-labelledby="snippet-h">
<h2 id="snippet-h">Ссылка для сайта школы</h2>
<p>Чтобы не вносить сведения дважды, поставьте в раздел «Повышение качества» на сайте школы ссылку на эту страницу портала. Скопируйте код и вставьте его в HTML-код страницы:</p>
<div class="field"><label for="snippet">Код ссылки</label>
<textarea id="snippet" rows="4" readonly>{{SNIPPET}}</textarea></div>
<p class="muted">Значок <img src="/static/badge.svg" alt="" width="88" height="31"> можно убрать, оставив только текст ссылки.</p>
</section>
{{/UPLOAD}}
<section aria-labelledby="list-h">
<h2 id="list-h">Все версии</h2>
{{#NO_VERSIONS}}<p>Документы ещё не загружены.</p>{{/NO_VERSIONS}}
<ul class="doc-list">
{{#VERSION_ITEM}}<li class="doc{{#LATEST}} latest{{/LATEST}}">
<a href="/{{MUNI}}/schools/{{SCHOOL}}/docs/{{ID}}/">{{TYPE}}: {{TITLE}}</a>, версия {{VERSION}}
<span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span>
<span class="muted">загружен {{CREATED}}</span>
{{#RETURNED}}<p class="return-comment"><strong>Замечания куратора:</strong> {{COMMENT}}</p>{{/RETURNED}}
{{#CAN_SUBMIT}}<form class="inline" method="post" action="/{{MUNI}}/schools/{{SCHOOL}}/docs/{{ID}}/submit"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit">Отправить на проверку</button></form>{{/CAN_SUBMIT}}
{{#CAN_REVISE}}<details class="revise"><summary>Загрузить новую версию</summary>
<form class="stack" method="post" action="/{{MUNI}}/schools/{{SCHOOL}}/docs/" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="series" value="{{SERIES}}">
<input type="hidden" name="type" value="{{TYPE_CODE}}">
<div class="field"><label for="title-{{ID}}">Название</label>
<input id="title-{{ID}}" name="title" type="text" value="{{TITLE}}" required maxlength="300"></div>
<div class="field"><label for="file-{{ID}}">Файл новой версии</label>
<input id="file-{{ID}}" name="file" type="file" required></div>
<button type="submit">Загрузить версию</button>
</form></details>{{/CAN_REVISE}}
{{#CAN_REVIEW}}<a href="/review/">Проверить</a>{{/CAN_REVIEW}}
</li>
{{/VERSION_ITEM}}
</ul>
</section>
