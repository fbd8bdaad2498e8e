{{%AUTOESCAPE context="HTML"}}
<p class="kicker">Мероприятие № {{NUMBER}}</p>
<h1>{{MEASURE}}</h1>
<dl class="facts">
<div><dt>Планируемый результат</dt><dd>{{RESULT}}</dd></div>
<div><dt>Срок (как в дорожной карте)</dt><dd>{{DEADLINE}}</dd></div>
<div><dt>Вид срока</dt><dd>{{KIND}}</dd></div>
<div><dt>Ответственный</dt><dd>{{RESPONSIBLE}}</dd></div>
<div><dt>Ответственные пользователи портала</dt><dd>{{#ASSIGNEE}}{{NAME}}{{#CAN_UNLINK}} <form class="inline" method="post" action="/{{MUNI}}/roadmap/items/{{ITEM}}/assignees"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="user" value="{{USER}}"><input type="hidden" name="action" value="remove"><button type="submit">Снять</button></form>{{/CAN_UNLINK}}{{#ASSIGNEE_separator}}; {{/ASSIGNEE_separator}}{{/ASSIGNEE}}{{#NO_ASSIGNEE}}—{{/NO_ASSIGNEE}}</dd></div>
<div><dt>Состояние</dt><dd><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></dd></div>
</dl>
{{#CAN_EDIT}}<section aria-labelledby="edit-h">
<h2 id="edit-h">Редактирование дорожной карты</h2>
<p><a href="/{{MUNI}}/roadmap/items/{{ITEM}}/edit">Изменить мероприятие</a></p>
<form class="inline" method="post" action="/{{MUNI}}/roadmap/items/{{ITEM}}/move"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" name="direction" value="up">Переместить выше в задаче</button> <button type="submit" name="direction" value="down">Переместить ниже в задаче</button></form>
<details class="revise"><summary>Исключить из дорожной карты</summary>
<form class="inline" method="post" action="/{{MUNI}}/roadmap/items/{{ITEM}}/remove"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit">Исключить мероприятие</button></form>
<p class="muted">Мероприятие пропадёт из таблицы, показателя и выгрузок; его можно будет вернуть.</p>
</details>
</section>{{/CAN_EDIT}}
{{#CAN_ASSIGN}}<form class="inline" method="post" action="/{{MUNI}}/roadmap/items/{{ITEM}}/assignees">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="add">
<label for="assign-user">Назначить ответственного</label>
<select id="assign-user" name="user">{{#USER_OPTION}}<option value="{{USER}}">{{LABEL}}</option>{{/USER_OPTION}}</select>
<button type="submit">Назначить</button>
</form>{{/CAN_ASSIGN}}
<section aria-labelledby="sched-h">
<h2 id="sched-h">График исполнения</h2>
{{#NO_DATES}}<p>У мероприятия нет календарных сроков: оно выполняется по запросу, по плану или по событию, либо срок в дорожной карте не распознан.</p>{{/NO_DATES}}
<ol class="occurrences">
{{#OCC}}<li id="occ-{{ID}}" class="occurrence">
<p><strong>{{FROM}} — {{DUE}}</strong>{{#LABEL}} ({{TEXT}}){{/LABEL}} <span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></p>
{{#URL}}<p>Подтверждающий материал: <a href="{{HREF}}" rel="nofollow noopener">{{HREF}}</a></p>{{/URL}}
{{#EVIDENCE_DOC}}<p>Подтверждающий документ: <a href="/{{MUNI}}/schools/{{SCHOOL}}/docs/{{DOC}}/">{{TITLE}}</a></p>{{/EVIDENCE_DOC}}
{{#NOTE}}<p>{{TEXT}}</p>{{/NOTE}}
{{#DONE_BY}}<p class="muted">Исполнение отметил: {{TEXT}}</p>{{/DONE_BY}}
{{#CONFIRMED_BY}}<p class="muted">Подтвердил: {{TEXT}}</p>{{/CONFIRMED_BY}}
{{#CAN_START}}<form class="inline" method="post" action="/{{MUNI}}/roadmap/items/{{ITEM}}/occurrences/{{ID}}/start"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit">Начать работу</button></form>{{/CAN_START}}
{{#CAN_DONE}}<details class="revise"><summary>Отметить исполнение</summary>
<form class="stack" method="post" action="/{{MUNI}}/roadmap/items/{{ITEM}}/occurrences/{{ID}}/done">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field"><label for="url-{{ID}}">Ссылка на подтверждающий материал</label>
<input id="url-{{ID}}" name="url" type="url" maxlength="1000" placeholder="https://"></div>
{{#DOC_CHOICE}}<div class="field"><label for="doc-{{ID}}">Документ школы как подтверждение</label>
<select id="doc-{{ID}}" name="doc"><option value="">— без документа —</option>
{{#DOC_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/DOC_OPTION}}</select></div>{{/DOC_CHOICE}}
<div class="field"><label for="note-{{ID}}">Что сделано</label>
<textarea id="note-{{ID}}" name="note" rows="3" maxlength="2000"></textarea></div>
<button type="submit">Отметить исполненным</button>
</form></details>{{/CAN_DONE}}
{{#CAN_CONFIRM}}<form class="inline" method="post" action="/{{MUNI}}/roadmap/items/{{ITEM}}/occurrences/{{ID}}/confirm"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit">Подтвердить исполнение</button></form>{{/CAN_CONFIRM}}
{{#CAN_WITHDRAW}}<details class="revise"><summary>Отозвать подтверждение</summary>
<form class="stack" method="post" action="/{{MUNI}}/roadmap/items/{{ITEM}}/occurrences/{{ID}}/withdraw">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field"><label for="why-{{ID}}">Причина (обязательно)</label>
<textarea id="why-{{ID}}" name="comment" rows="2" required maxlength="2000"></textarea></div>
<button type="submit">Отозвать</button>
</form></details>{{/CAN_WITHDRAW}}
</li>
{{/OCC}}
</ol>
</section>
{{#HAS_EVENTS}}
<section class="scroll" tabindex="0" aria-labelledby="t-history">
<table>
<caption id="t-history">История</caption>
<thead><tr><th scope="col">Когда</th><th scope="col">Кто</th><th scope="col">Что</th><th scope="col">Подробности</th></tr></thead>
<tbody>
{{#EVENT}}<tr><td>{{WHEN}}</td><td>{{WHO}}</td><th scope="row">{{ACTION}}</th><td>{{#DETAIL}}{{TEXT}}{{/DETAIL}}</td></tr>
{{/EVENT}}
</tbody>
</table>
</section>
{{/HAS_EVENTS}}
