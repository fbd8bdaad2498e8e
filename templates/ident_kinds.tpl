{{%AUTOESCAPE context="HTML"}}
<dl class="ident-kinds">
{{#KIND}}<div class="ident-kind">
<dt>{{KIND_LABEL}}</dt>
<dd>
<p>Предложение: <strong>{{PROPOSAL}}</strong>{{#REVIEW}} <span class="flag">требует проверки</span>{{/REVIEW}}</p>
<ul class="reasons">
{{#REASON}}<li>{{TEXT}}</li>
{{/REASON}}</ul>
{{#DECISION}}<p>Решение: <strong>{{VALUE}}</strong> — {{WHO}}, {{WHEN}}{{#COMMENT}}. Комментарий: «{{TEXT}}»{{/COMMENT}}</p>{{/DECISION}}
{{#NO_DECISION}}<p class="muted">Решения ещё нет.</p>{{/NO_DECISION}}
{{#FORM}}<details class="revise"><summary>Подтвердить или изменить</summary>
<form class="stack" method="post" action="/{{MUNI}}/identification/decide">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="school" value="{{SLUG}}">
<input type="hidden" name="kind" value="{{KIND}}">
<input type="hidden" name="year" value="{{YEAR}}">
<div class="field"><label for="d-{{SLUG}}-{{KIND}}">Решение</label>
<select id="d-{{SLUG}}-{{KIND}}" name="decided" required>
{{#UNCHOSEN}}<option value="">— выберите —</option>{{/UNCHOSEN}}
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}</select></div>
<div class="field"><label for="c-{{SLUG}}-{{KIND}}">Комментарий (обязателен, если решение расходится с предложением)</label>
<textarea id="c-{{SLUG}}-{{KIND}}" name="comment" rows="2" maxlength="2000"></textarea></div>
<button type="submit">Сохранить решение</button>
</form></details>{{/FORM}}
</dd>
</div>
{{/KIND}}</dl>
