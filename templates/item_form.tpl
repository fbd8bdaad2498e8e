{{%AUTOESCAPE context="HTML"}}
{{#FORM}}
{{#IS_NEW}}<h1>Новое мероприятие</h1>
<p class="lead">Мероприятие встанет после последнего мероприятия выбранной задачи; график исполнения рассчитывается по сроку сразу после сохранения.</p>{{/IS_NEW}}
{{#IS_EDIT}}<p class="kicker"><a href="/{{MUNI}}/roadmap/items/{{ITEM}}/">Мероприятие № {{OLD_NUMBER}}</a></p>
<h1>Изменить мероприятие</h1>
<p class="lead">Если изменить срок, график пересчитается: даты, по которым уже отмечалось исполнение, сохранятся.</p>{{/IS_EDIT}}
{{#HAS_ERRORS}}<p class="err" role="alert">Мероприятие не сохранено: исправьте отмеченные поля.</p>{{/HAS_ERRORS}}
<form class="stack" method="post" action="/{{MUNI}}/roadmap/items{{#IS_EDIT}}/{{ITEM}}/edit{{/IS_EDIT}}">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#IS_NEW}}<input type="hidden" name="roadmap" value="{{ROADMAP}}">{{/IS_NEW}}
<div class="field">
<label for="task">Задача</label>
<select id="task" name="task" required{{#TASK_ERR}} aria-describedby="task-err"{{/TASK_ERR}}>
<option value="">— выберите задачу —</option>
{{#TASK_OPTION}}<option value="{{SEQ}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>
{{/TASK_OPTION}}
<option value="new"{{#NEW_TASK}} selected{{/NEW_TASK}}>Новая задача (название — в поле ниже)</option>
</select>
{{#TASK_ERR}}<p class="err" id="task-err">{{MSG}}</p>{{/TASK_ERR}}
</div>
<div class="field">
<label for="task_title">Название новой задачи</label>
<input id="task_title" name="task_title" type="text" value="{{TASK_TITLE}}" maxlength="500" aria-describedby="task_title-hint{{#TASK_TITLE_ERR}} task_title-err{{/TASK_TITLE_ERR}}">
<p class="muted" id="task_title-hint">Только если выше выбрана новая задача.</p>
{{#TASK_TITLE_ERR}}<p class="err" id="task_title-err">{{MSG}}</p>{{/TASK_TITLE_ERR}}
</div>
<div class="field">
<label for="number">Номер (как в документе, например 0.8)</label>
<input id="number" name="number" type="text" value="{{NUMBER}}" required maxlength="20"{{#NUMBER_ERR}} aria-describedby="number-err"{{/NUMBER_ERR}}>
{{#NUMBER_ERR}}<p class="err" id="number-err">{{MSG}}{{#TAKEN}}Мероприятие № {{NUMBER}} уже есть в этой дорожной карте (в том числе среди исключённых): выберите другой номер.{{/TAKEN}}</p>{{/NUMBER_ERR}}
</div>
<div class="field">
<label for="measure">Мероприятие</label>
<textarea id="measure" name="measure" rows="4" required maxlength="2000"{{#MEASURE_ERR}} aria-describedby="measure-err"{{/MEASURE_ERR}}>{{MEASURE}}</textarea>
{{#MEASURE_ERR}}<p class="err" id="measure-err">{{MSG}}</p>{{/MEASURE_ERR}}
</div>
<div class="field">
<label for="result">Планируемый результат</label>
<textarea id="result" name="result" rows="3" maxlength="2000"{{#RESULT_ERR}} aria-describedby="result-err"{{/RESULT_ERR}}>{{RESULT}}</textarea>
{{#RESULT_ERR}}<p class="err" id="result-err">{{MSG}}</p>{{/RESULT_ERR}}
</div>
<div class="field">
<label for="deadline">Срок (как в документе)</label>
<input id="deadline" name="deadline" type="text" value="{{DEADLINE}}" maxlength="300" aria-describedby="deadline-hint{{#DEADLINE_ERR}} deadline-err{{/DEADLINE_ERR}}">
<p class="muted" id="deadline-hint">Например: «Ежеквартально», «До 30 апреля», «Февраль-март», «01.03.2022 – 25.03.2022». Нераспознанный срок сохранится, а мероприятие попадёт в список нераспознанных сроков.</p>
{{#DEADLINE_ERR}}<p class="err" id="deadline-err">{{MSG}}</p>{{/DEADLINE_ERR}}
</div>
<div class="field">
<label for="responsible">Ответственный</label>
<input id="responsible" name="responsible" type="text" value="{{RESPONSIBLE}}" maxlength="500"{{#RESPONSIBLE_ERR}} aria-describedby="responsible-err"{{/RESPONSIBLE_ERR}}>
{{#RESPONSIBLE_ERR}}<p class="err" id="responsible-err">{{MSG}}</p>{{/RESPONSIBLE_ERR}}
</div>
<button type="submit">{{#IS_NEW}}Добавить мероприятие{{/IS_NEW}}{{#IS_EDIT}}Сохранить изменения{{/IS_EDIT}}</button>
</form>
<p><a href="/{{MUNI}}/{{#IS_EDIT}}roadmap/items/{{ITEM}}/{{/IS_EDIT}}{{#IS_NEW}}{{BACK}}{{/IS_NEW}}">Отмена</a></p>
{{/FORM}}
{{#REMOVED}}
<p class="kicker">Мероприятие № {{NUMBER}}</p>
<h1>{{MEASURE}}</h1>
<p class="err" role="status">Мероприятие исключено из дорожной карты {{REMOVED_ON}}. Оно не показывается в таблице, не входит в ключевой показатель и в выгрузки.</p>
<dl class="facts">
<div><dt>Задача</dt><dd>{{TASK}}</dd></div>
<div><dt>Планируемый результат</dt><dd>{{RESULT}}</dd></div>
<div><dt>Срок (как в дорожной карте)</dt><dd>{{DEADLINE}}</dd></div>
<div><dt>Ответственный</dt><dd>{{RESPONSIBLE}}</dd></div>
</dl>
{{#CAN_RESTORE}}<form class="inline" method="post" action="/{{MUNI}}/roadmap/items/{{ITEM}}/restore"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit">Вернуть в дорожную карту</button></form>{{/CAN_RESTORE}}
<p><a href="/{{MUNI}}/roadmap/">К дорожной карте</a></p>
{{/REMOVED}}
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
