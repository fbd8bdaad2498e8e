{{%AUTOESCAPE context="HTML"}}
<h1>Фактические значения показателей за {{YEAR}} год</h1>
<p class="lead">Внесите значение так, как оно записано в отчёте: «61%», «58,5», «да». Пустое поле удаляет внесённое значение. Рассчитываемые показатели заполняются порталом, но их можно уточнить вручную.</p>
<nav aria-label="Год"><p>Год: {{#YEARS}}{{#CURRENT}}<strong aria-current="page">{{Y}}</strong>{{/CURRENT}}{{#OTHER}}<a href="/{{MUNI}}/indicators/facts?year={{Y}}">{{Y}}</a>{{/OTHER}} {{/YEARS}}</p></nav>
<form class="inline" method="get" action="/{{MUNI}}/indicators/facts">
<label for="year-pick">Другой год</label> <input id="year-pick" name="year" type="text" inputmode="numeric" size="6" maxlength="4" value="{{YEAR}}"> <button type="submit">Открыть</button>
</form>
<ul class="facts">
{{#INDICATOR}}<li id="i-{{CODE}}">
<form class="stack" method="post" action="/{{MUNI}}/indicators/facts">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="code" value="{{CODE}}">
<input type="hidden" name="year" value="{{YEAR}}">
<div class="field">
<label for="fact-{{CODE}}">{{CODE}}. {{NAME}}</label>
<p class="muted" id="fact-{{CODE}}-hint">План на {{YEAR}} год: {{PLAN}}.{{#CALC}} Рассчитано порталом: {{VALUE}}.{{/CALC}}{{#CALC_LATER}} Рассчитывается порталом, когда есть данные.{{/CALC_LATER}}</p>
<input id="fact-{{CODE}}" name="fact" type="text" maxlength="64" value="{{FACT}}" aria-describedby="fact-{{CODE}}-hint{{#ERROR}} fact-{{CODE}}-err{{/ERROR}}">
{{#ERROR}}<p class="err" id="fact-{{CODE}}-err" role="alert">Значение длиннее 64 символов: сократите его.</p>{{/ERROR}}
</div>
<button type="submit">Сохранить</button>
</form>
</li>
{{/INDICATOR}}
</ul>
