{{%AUTOESCAPE context="HTML"}}
<h1>Настройки выявления школ</h1>
<p class="lead">Пороги правил выявления для этого муниципалитета. Все границы включаются: «не менее 30%», индекс «от −8 до −3».</p>
{{#ERROR}}<p class="err" role="alert">{{TEXT}}</p>{{/ERROR}}
<form class="stack" method="post" action="/{{MUNI}}/identification/settings">
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#READ_ONLY}}<p class="muted">Изменить настройки может муниципальный координатор или администратор региона.</p>{{/READ_ONLY}}
<fieldset{{#READ_ONLY}} disabled{{/READ_ONLY}}>
<legend>Пороги правил</legend>
<div class="field"><label for="rule">Правило низких результатов</label>
<select id="rule" name="rule">
{{#RULE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/RULE_OPTION}}</select></div>
<div class="field"><label for="low_share">Низкий результат процедуры: доля «2» или ниже минимального порога не менее, %</label>
<input type="text" id="low_share" name="low_share" value="{{LOW_SHARE}}" inputmode="decimal" required></div>
<div class="field"><label for="low_count">ШНОР: низких результатов в предыдущем году не меньше</label>
<input type="text" id="low_count" name="low_count" value="{{LOW_COUNT}}" inputmode="numeric" required></div>
<div class="field"><label for="min_group">Малая группа: результат меньше чем по стольким участникам не учитывается</label>
<input type="text" id="min_group" name="min_group" value="{{MIN_GROUP}}" inputmode="numeric" required></div>
<div class="field"><label for="social_lo">Неблагоприятный индекс социального благополучия: от</label>
<input type="text" id="social_lo" name="social_lo" value="{{SOCIAL_LO}}" required></div>
<div class="field"><label for="social_hi">до</label>
<input type="text" id="social_hi" name="social_hi" value="{{SOCIAL_HI}}" required></div>
<div class="field"><label for="dynamics_pp">Динамика ВПР: изменение успеваемости не меньше, п. п.</label>
<input type="text" id="dynamics_pp" name="dynamics_pp" value="{{DYNAMICS}}" inputmode="decimal" required></div>
</fieldset>
{{#CAN_SET}}<button type="submit">Сохранить настройки</button>{{/CAN_SET}}
</form>
