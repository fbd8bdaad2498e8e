{{%AUTOESCAPE context="HTML"}}
<h1>Личный кабинет</h1>
<p>{{NAME}} — {{ROLE}}</p>
{{#SCHOOL}}
<ul class="actions">
<li><a href="/{{MUNI}}/schools/{{SLUG}}/docs/">Документы школы: что представить, что возвращено, загрузка</a></li>
<li><a href="/{{MUNI}}/schools/{{SLUG}}/">Раздел «Повышение качества» школы</a></li>
<li><a href="/{{MUNI}}/schools/{{SLUG}}/audit/">Журнал изменений</a></li>
<li><a href="/my/">Мои мероприятия: сроки дорожной карты</a></li>
</ul>
{{/SCHOOL}}
{{#STAFF}}
<ul class="actions">
<li><a href="/review/">Документы на проверке: {{QUEUE}}</a></li>
{{#REGION}}<li><a href="/dashboard/">Панель координатора: все муниципалитеты</a></li>
<li><a href="/admin/outbox/">Исходящая почта: что отправлено, что ждёт, ошибки</a></li>{{/REGION}}
{{#MUNI}}<li><a href="/{{SLUG}}/dashboard/">Панель координатора: сводка, документы, риски, результаты, сроки</a></li>
<li><a href="/{{SLUG}}/">Страница муниципалитета</a></li>
<li><a href="/my/">Мои мероприятия: сроки дорожной карты</a></li>
<li><a href="/{{SLUG}}/roadmap/unparsed/">Нераспознанные сроки дорожной карты</a></li>
<li><a href="/{{SLUG}}/identification/">Выявление школ: предложения, основания, решения</a></li>{{/MUNI}}
</ul>
{{/STAFF}}
<p><a href="/settings/mail">Уведомления по электронной почте: адрес и какие письма получать</a></p>
