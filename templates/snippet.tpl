{{%AUTOESCAPE context="HTML"}}
<a href="{{BASE}}/{{MUNI}}/schools/{{SCHOOL}}/" title="Повышение качества образования: {{NAME}}"><img src="{{BASE}}/static/badge.svg" alt="Повышение качества: {{NAME}}" width="88" height="31"></a>
