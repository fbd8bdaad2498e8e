/*
 * vocab.c: the Russian labels of every closed vocabulary, in one place.
 * Codes match the CHECK constraints in db/; labels follow the seeds' spelling.
 */
#include "vocab.h"

#include <string.h>

const struct vocab programme_v[PROG__MAX] = {
	{ "shnor",   "ШНОР" },    /* PROG_SHNOR */
	{ "shnsu",   "ШНСУ" },    /* PROG_SHNSU */
	{ "500plus", "«500+»" },  /* PROG_500PLUS */
	{ "nro",     "НРО" },     /* PROG_NRO */
	{ "fnsu",    "ФНСУ" },    /* PROG_FNSU */
};

const struct vocab category_v[CAT__MAX] = {
	{ "basic",    "базово неуспевающая" },    /* CAT_BASIC */
	{ "moderate", "умеренно неуспевающая" },  /* CAT_MODERATE */
	{ "severe",   "сильно неуспевающая" },    /* CAT_SEVERE */
};

const struct vocab significance_v[SIG__MAX] = {
	{ "high",   "Высокая" },  /* SIG_HIGH */
	{ "medium", "Средняя" },  /* SIG_MEDIUM */
	{ "low",    "Низкая" },   /* SIG_LOW */
};

const struct vocab risk_catalogue_v[RISKCAT__MAX] = {
	{ "direction", "Рисковые направления" },  /* RISKCAT_DIRECTION */
	{ "factor",    "Факторы риска" },         /* RISKCAT_FACTOR */
};

const struct vocab item_status_v[ITEM__MAX] = {
	{ "planned",     "запланировано" },  /* ITEM_PLANNED */
	{ "in_progress", "в работе" },       /* ITEM_IN_PROGRESS */
	{ "done",        "исполнено" },      /* ITEM_DONE */
	{ "confirmed",   "подтверждено" },   /* ITEM_CONFIRMED */
	{ "overdue",     "просрочено" },     /* ITEM_OVERDUE: derived, never stored */
	{ "unscheduled", "без срока" },      /* ITEM_UNSCHEDULED: derived, never stored */
};

const struct vocab doc_status_v[DOC__MAX] = {
	{ "draft",      "черновик" },                /* DOC_DRAFT */
	{ "submitted",  "на проверке" },             /* DOC_SUBMITTED */
	{ "returned",   "возвращён на доработку" },  /* DOC_RETURNED */
	{ "accepted",   "принят" },                  /* DOC_ACCEPTED */
	{ "published",  "опубликован" },             /* DOC_PUBLISHED */
	{ "superseded", "заменён новой версией" },   /* DOC_SUPERSEDED */
	{ "missing",    "не представлен" },          /* DOC_MISSING */
};

const struct vocab doc_type_v[DT__MAX] = {
	{ "concept",  "Концепция развития" },                                 /* DT_CONCEPT */
	{ "midterm",  "Среднесрочная программа развития" },                   /* DT_MIDTERM */
	{ "antirisk", "Программа антирисковых мер" },                         /* DT_ANTIRISK */
	{ "roadmap",  "Дорожная карта" },                                     /* DT_ROADMAP */
	{ "shppko",   "Школьная программа повышения качества образования" },  /* DT_SHPPKO */
	{ "report",   "Отчёт" },                                              /* DT_REPORT */
	{ "order",    "Приказ" },                                             /* DT_ORDER */
	{ "protocol", "Протокол" },                                           /* DT_PROTOCOL */
	{ "other",    "Иной документ" },                                      /* DT_OTHER */
};

const struct vocab search_kind_v[SK__MAX] = {
	{ "school",   "Школы" },                        /* SK_SCHOOL */
	{ "document", "Документы" },                    /* SK_DOCUMENT */
	{ "item",     "Мероприятия дорожных карт" },    /* SK_ITEM */
	{ "news",     "Новости" },                      /* SK_NEWS */
};

const unsigned doc_type_required_for[DT__MAX] = {
	1u << PROG_500PLUS,                                  /* DT_CONCEPT */
	1u << PROG_500PLUS,                                  /* DT_MIDTERM */
	1u << PROG_500PLUS,                                  /* DT_ANTIRISK */
	1u << PROG_500PLUS,                                  /* DT_ROADMAP */
	1u << PROG_SHNOR | 1u << PROG_NRO | 1u << PROG_SHNSU | 1u << PROG_FNSU, /* DT_SHPPKO */
	0, 0, 0, 0,                                          /* optional types */
};

const char DOC_REQUIRED_DUE[] = "До 30 апреля";

const char *const doc_status_public_v[DOC__MAX] = {
	"не представлен",            /* DOC_DRAFT: drafts are not public */
	"на проверке",               /* DOC_SUBMITTED */
	"возвращён на доработку",    /* DOC_RETURNED */
	"на проверке",               /* DOC_ACCEPTED: accepted, not yet published */
	"опубликован",               /* DOC_PUBLISHED */
	"заменён новой версией",     /* DOC_SUPERSEDED */
	"не представлен",            /* DOC_MISSING */
};

const struct vocab role_v[ROLE__MAX] = {
	{ "school",      "Администратор школы" },        /* ROLE_SCHOOL */
	{ "curator",     "Куратор" },                    /* ROLE_CURATOR */
	{ "coordinator", "Муниципальный координатор" },  /* ROLE_COORDINATOR */
	{ "admin",       "Администратор региона" },      /* ROLE_ADMIN */
};

const struct vocab audit_action_v[] = {
	{ "login",         "Вход" },
	{ "login_failed",  "Неудачная попытка входа" },
	{ "logout",        "Выход" },
	{ "user_add",      "Учётная запись создана" },
	{ "user_password", "Пароль изменён" },
	{ "user_disable",  "Учётная запись отключена" },
	{ "user_enable",   "Учётная запись включена" },
	{ "role_change",   "Роль изменена" },
	{ "upload",        "Загружен файл" },
	{ "submit",        "Отправлен на проверку" },
	{ "return",        "Возвращён на доработку" },
	{ "accept",        "Подтверждён куратором" },
	{ "publish",       "Опубликован" },
	{ "supersede",     "Заменён новой версией" },
	{ "item_start",    "Начата работа" },
	{ "item_done",     "Отмечено исполнение" },
	{ "item_confirm",  "Исполнение подтверждено" },
	{ "item_withdraw", "Подтверждение отозвано" },
	{ "roadmap_import", "Дорожная карта загружена из файла" },
	{ "roadmap_add",    "Создана дорожная карта" },
	{ "item_assign",   "Назначен ответственный" },
	{ "item_unassign", "Снят ответственный" },
	{ "item_add",         "Мероприятие добавлено в дорожную карту" },
	{ "task_add",         "Добавлена задача дорожной карты" },
	{ "item_task",        "Мероприятие перенесено в другую задачу" },
	{ "item_number",      "Изменён номер мероприятия" },
	{ "item_measure",     "Изменено содержание мероприятия" },
	{ "item_result",      "Изменён планируемый результат" },
	{ "item_deadline",    "Изменён срок, график пересчитан" },
	{ "item_responsible", "Изменён ответственный" },
	{ "item_move",        "Изменён порядок мероприятий" },
	{ "item_remove",      "Мероприятие исключено из дорожной карты" },
	{ "item_restore",     "Мероприятие возвращено в дорожную карту" },
	{ "indicator_fact",   "Внесено фактическое значение показателя" },
	{ "ident_decide",     "Решение по выявлению школ" },
	{ "ident_settings",   "Изменены настройки выявления" },
	{ "monitor_start",    "Начат раунд мониторинга сайтов школ" },
	{ "monitor_done",     "Раунд мониторинга сайтов школ завершён" },
	{ "monitor_failed",   "Раунд мониторинга сайтов школ не завершён" },
	{ "school_website",   "Изменён адрес раздела на сайте школы" },
	{ "mail_settings",    "Изменены настройки уведомлений" },
	{ "mail_retry",       "Письмо снова поставлено в очередь" },
};
const size_t audit_action_count = sizeof audit_action_v / sizeof audit_action_v[0];

const struct vocab verdict_v[VERDICT__MAX] = {
	{ "accept", "Подтвердить" },              /* VERDICT_ACCEPT */
	{ "return", "Вернуть на доработку" },     /* VERDICT_RETURN */
};

const struct vocab upload_type_v[] = {
	{ "application/pdf", "PDF" },
	{ "application/msword", "DOC" },
	{ "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX" },
	{ "application/vnd.oasis.opendocument.text", "ODT" },
	{ "application/vnd.ms-excel", "XLS" },
	{ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX" },
	{ "application/vnd.oasis.opendocument.spreadsheet", "ODS" },
	{ "image/jpeg", "JPEG" },
	{ "image/png", "PNG" },
};
const size_t upload_type_count = sizeof upload_type_v / sizeof upload_type_v[0];

const struct vocab sheet_type_v[SHEET_TYPES] = {
	{ "text/plain", "TSV/CSV" },
	{ "text/csv", "CSV" },
	{ "application/csv", "CSV" },
	{ "text/tab-separated-values", "TSV" },
	{ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX" },
	{ "application/zip", "XLSX" },
};

const struct vocab procedure_v[PROC__MAX] = {
	{ "oge",     "ОГЭ" },                  /* PROC_OGE */
	{ "ege",     "ЕГЭ" },                  /* PROC_EGE */
	{ "gve",     "ГВЭ" },                  /* PROC_GVE */
	{ "vpr",     "ВПР" },                  /* PROC_VPR */
	{ "grade10", "Переход в 10 класс" },   /* PROC_GRADE10 */
};

const struct vocab metric_v[MET__MAX] = {
	{ "pass",         "Успеваемость (%)" },      /* MET_PASS */
	{ "quality",      "Качество (%)" },          /* MET_QUALITY */
	{ "share2",       "Доля «2» (%)" },          /* MET_SHARE2 */
	{ "below_min",    "Доля ниже минимального порога (%)" },   /* MET_BELOW_MIN */
	{ "mean_score",   "Средний балл" },          /* MET_MEAN_SCORE */
	{ "mean_mark",    "Средняя отметка" },       /* MET_MEAN_MARK */
	{ "continue",     "в 10 кл" },               /* MET_CONTINUE */
	{ "continue_own", "в 10 кл в своей ОО" },    /* MET_CONTINUE_OWN */
};

const struct vocab scope_v[SCOPE__MAX] = {
	{ "school", "Школа" },    /* SCOPE_SCHOOL */
	{ "city",   "Город" },    /* SCOPE_CITY */
	{ "region", "Область" },  /* SCOPE_REGION */
};

const struct vocab content_part_v[PART__MAX] = {
	{ "about",    "О программе" },      /* PART_ABOUT */
	{ "group",    "Рабочая группа" },   /* PART_GROUP */
	{ "contacts", "Контакты" },         /* PART_CONTACTS */
	{ "news",     "Новость" },          /* PART_NEWS */
};

const struct vocab result_stage_v[STAGE__MAX] = {
	{ "main",   "основной период (до пересдач)" },   /* STAGE_MAIN */
	{ "retake", "после пересдач" },                  /* STAGE_RETAKE */
};

const struct vocab ident_kind_v[IK__MAX] = {
	{ "low",      "Низкие образовательные результаты" },        /* IK_LOW */
	{ "social",   "Неблагоприятные социальные условия" },       /* IK_SOCIAL */
	{ "level",    "Уровень образовательных результатов" },      /* IK_LEVEL */
	{ "dynamics", "Динамика результатов ВПР (5–8 классы)" },   /* IK_DYNAMICS */
};

const struct vocab social_status_v[SOC__MAX] = {
	{ "favourable",   "благоприятный" },     /* SOC_FAVOURABLE */
	{ "neutral",      "нейтральный" },       /* SOC_NEUTRAL */
	{ "unfavourable", "неблагоприятный" },   /* SOC_UNFAVOURABLE */
};

const struct vocab result_level_v[LVL__MAX] = {
	{ "high",   "высокий" },   /* LVL_HIGH */
	{ "medium", "средний" },   /* LVL_MEDIUM */
	{ "low",    "низкий" },    /* LVL_LOW */
};

const struct vocab matrix_category_v[MX__MAX] = {
	{ "resilient", "резильентные школы" },                        /* MX_RESILIENT (004:L232) */
	{ "risk",      "школы, находящиеся в зоне риска" },           /* MX_RISK */
	{ "crisis",    "школы, находящиеся в кризисной ситуации" },   /* MX_CRISIS */
	{ "none",      "без категории" },                             /* MX_NONE */
};

const struct vocab dynamics_v[DYN__MAX] = {
	{ "pos",    "положительная динамика" },                          /* DYN_POS (004:L252–266) */
	{ "neg",    "отрицательная динамика" },                          /* DYN_NEG */
	{ "stable", "отсутствие положительной динамики (стабильность)" },  /* DYN_STABLE */
};

const struct vocab ident_rule_v[RULE__MAX] = {
	{ "shnor", "ШНОР: правило 001 (два низких результата за год или по одному за два года)" },
	{ "nro",   "НРО: правило 004 (совокупная доля ВПР-4 и ОГЭ)" },
};

const struct vocab ident_answer_v[ANS__MAX] = {
	{ "yes", "да" },    /* ANS_YES */
	{ "no",  "нет" },   /* ANS_NO */
};

const struct vocab muni_kind_v[MUNI__MAX] = {
	{ "city",     "город" },                   /* MUNI_CITY */
	{ "district", "муниципальный район" },     /* MUNI_DISTRICT */
};

const struct vocab monitor_kind_v[MK__MAX] = {
	{ "entry",   "Входной мониторинг" },                    /* MK_ENTRY */
	{ "interim", "Промежуточный мониторинг" },              /* MK_INTERIM */
	{ "final",   "Итоговый мониторинг" },                   /* MK_FINAL */
	{ "monthly", "Ежемесячная проверка актуальности" },     /* MK_MONTHLY */
};

const struct vocab monitor_outcome_v[MO__MAX] = {
	{ "ok",           "Доступна" },                                          /* MO_OK */
	{ "not_modified", "Доступна, не изменилась" },                           /* MO_NOT_MODIFIED */
	{ "no_url",       "Адрес раздела не указан" },                           /* MO_NO_URL */
	{ "bad_url",      "Неверный адрес" },                                    /* MO_BAD_URL */
	{ "dns",          "Сайт не найден (имя не разрешается)" },               /* MO_DNS */
	{ "connect",      "Сайт не отвечает (нет соединения)" },                 /* MO_CONNECT */
	{ "timeout",      "Сайт отвечает слишком долго" },                       /* MO_TIMEOUT */
	{ "tls",          "Ошибка сертификата или защищённого соединения" },     /* MO_TLS */
	{ "redirects",    "Слишком много перенаправлений" },                     /* MO_REDIRECTS */
	{ "too_big",      "Страница слишком большая" },                          /* MO_TOO_BIG */
	{ "http",         "Сервер вернул ошибку" },                              /* MO_HTTP */
	{ "other",        "Страница недоступна" },                               /* MO_OTHER */
};

const struct vocab monitor_fresh_v[FRESH__MAX] = {
	{ "yes",     "Да" },            /* FRESH_YES */
	{ "no",      "Нет" },           /* FRESH_NO */
	{ "unknown", "Нет данных" },    /* FRESH_UNKNOWN */
};

const char *const msg_v[MSG__MAX] = {
	"Качество образования",                    /* MSG_SITE */
	"Дорожная карта",                          /* MSG_ROADMAP */
	"Повышение качества",                      /* MSG_SECTION */
	"Вход",                                    /* MSG_LOGIN */
	"Личный кабинет",                          /* MSG_CABINET */
	"Документы школы",                         /* MSG_DOCS */
	"Документы на проверке",                   /* MSG_QUEUE */
	"Журнал изменений",                        /* MSG_AUDIT */
	"Мои мероприятия",                         /* MSG_MY */
	"Нераспознанные сроки",                    /* MSG_UNPARSED */
	"Новая дорожная карта",                     /* MSG_IMPORT */
	"Укажите название и годы дорожной карты (с 2000 по 2100, не больше 20 лет).", /* MSG_IMPORT_FIELDS */
	"Нужен файл TSV, CSV (UTF-8) или XLSX.",   /* MSG_IMPORT_TYPE */
	"Мероприятия",                             /* MSG_IMPORT_TASK */
	"Дорожные карты школ",                     /* MSG_SCHOOL_ROADMAPS */
	"Выявление школ",                          /* MSG_IDENT */
	"Настройки выявления",                     /* MSG_IDENT_SETTINGS */
	"Решение расходится с предложением: напишите комментарий, почему.", /* MSG_IDENT_COMMENT */
	"Год списка — число от 2000 до 2100.",     /* MSG_IDENT_YEAR */
	"Такого решения для этого вида нет: выберите значение из списка.", /* MSG_IDENT_CHOICE */
	"Проверьте пороги: доля от 0 до 100, количества — целые не меньше 1, нижняя граница индекса не больше верхней.", /* MSG_IDENT_NUMBERS */
	"Неверный запрос",                         /* MSG_E400 */
	"Требуется вход",                          /* MSG_E401 */
	"Недостаточно прав",                       /* MSG_E403 */
	"Страница не найдена",                     /* MSG_E404 */
	"Метод не поддерживается",                 /* MSG_E405 */
	"Слишком большой запрос или файл",         /* MSG_E413 */
	"Слишком длинный адрес",                   /* MSG_E414 */
	"Неподдерживаемый формат запроса",         /* MSG_E415 */
	"Данные формы не приняты",                 /* MSG_E422 */
	"Слишком много попыток, попробуйте позже", /* MSG_E429 */
	"Внутренняя ошибка",                       /* MSG_E500 */
	"Сервис временно недоступен",              /* MSG_E503 */
	"На сервере не хватает места или запись на диск запрещена: изменения не сохранены. Попробуйте позже и сообщите администратору портала.", /* MSG_E507 */
	"Заполните это поле.",                                      /* MSG_REQUIRED */
	"Слишком длинное значение.",                                /* MSG_TOO_LONG */
	"Выберите значение из списка.",                             /* MSG_CHOICE */
	"Неверный логин или пароль.",                               /* MSG_BAD_LOGIN */
	"Слишком много неудачных попыток входа. Попробуйте через 15 минут.", /* MSG_THROTTLED */
	"Выберите файл документа.",                                 /* MSG_NO_FILE */
	"Файл пустой.",                                             /* MSG_EMPTY_FILE */
	"Файл слишком большой.",                                    /* MSG_TOO_BIG */
	"Такой формат не принимается: нужен PDF, DOC, DOCX, ODT, XLS, XLSX, ODS, JPEG или PNG.", /* MSG_BAD_TYPE */
	"При возврате на доработку напишите, что исправить.",       /* MSG_COMMENT_REQUIRED */
	"Документ уже в другом состоянии: обновите страницу.",      /* MSG_STALE */
	"Загрузка результатов и социальных данных",                 /* MSG_RES_IMPORT */
	"Поиск",                                                    /* MSG_SEARCH */
	"Раунд мониторинга уже идёт: дождитесь его окончания.",     /* MSG_MONITOR_BUSY */
	"Адрес должен начинаться с http:// или https://, без имени и пароля, не длиннее 500 знаков.", /* MSG_MONITOR_URL */
	"Содержание раздела",                                       /* MSG_CONTENT */
	"Новости",                                                  /* MSG_NEWS */
	"История изменений",                                        /* MSG_VERSIONS */
	"Обновление разделов школ",                                 /* MSG_FRESHNESS */
	"Укажите дату в виде ГГГГ-ММ-ДД.",                          /* MSG_BAD_DATE */
	"Школа",                                                    /* MSG_FRESH_SCHOOL */
	"Последнее изменение",                                      /* MSG_FRESH_DATE */
	"Дней без обновления",                                      /* MSG_FRESH_DAYS */
	"Новая новость",                                            /* MSG_NEWS_NEW */
	"Сайт школы обновлялся за месяц (мониторинг)",              /* MSG_FRESH_SITE */
	"мониторинга ещё не было",                                  /* MSG_FRESH_NO_ROUND */
};

const struct vocab mail_kind_v[MAIL__MAX] = {
	{ "doc_submitted", "Документ сдан на проверку" },         /* MAIL_DOC_SUBMITTED */
	{ "doc_returned",  "Документ возвращён на доработку" },   /* MAIL_DOC_RETURNED */
	{ "doc_accepted",  "Документ принят и опубликован" },     /* MAIL_DOC_ACCEPTED */
	{ "due_7",         "Срок мероприятия через неделю" },     /* MAIL_DUE_7 */
	{ "due_1",         "Срок мероприятия завтра" },           /* MAIL_DUE_1 */
	{ "overdue",       "Мероприятие просрочено" },            /* MAIL_OVERDUE */
	{ "monitoring",    "Итоги мониторинга сайта школы" },     /* MAIL_MONITORING */
	{ "digest",        "Ежедневная сводка" },                 /* MAIL_DIGEST */
};

const struct vocab mail_status_v[MS__MAX] = {
	{ "queued",  "В очереди" },       /* MS_QUEUED */
	{ "sending", "Отправляется" },    /* MS_SENDING */
	{ "sent",    "Отправлено" },      /* MS_SENT */
	{ "failed",  "Не отправлено" },   /* MS_FAILED */
};

const char *const mail_text_v[MT__MAX] = {
	"Уведомления по электронной почте",                        /* MT_SETTINGS */
	"Исходящая почта",                                          /* MT_OUTBOX */
	"Адрес почты указан неверно: нужен один адрес вида name@example.ru.", /* MT_BAD_EMAIL */
	"Отправка прервана остановкой портала: доставлено ли письмо, неизвестно. Проверьте и отправьте повторно.", /* MT_INTERRUPTED */
	"Открытые данные",                                          /* MT_OPENDATA */
	"Повышение качества образования",                           /* MT_FEED_MUNI */
	"Опубликован документ",                                     /* MT_FEED_DOC */
	"Подтверждено мероприятие",                                 /* MT_FEED_ITEM */
	"Новость",                                                  /* MT_FEED_NEWS */
	"Школы и их участие в программах",                          /* MT_OD_SCHOOLS */
	"Исполнение дорожных карт",                                 /* MT_OD_ROADMAP */
	"Опубликованные документы",                                 /* MT_OD_DOCUMENTS */
	"Код муниципалитета",                                       /* MT_MUNI */
	"Муниципалитет",                                            /* MT_MUNI_NAME */
	"Код школы",                                                /* MT_SCHOOL */
	"Школа",                                                    /* MT_SCHOOL_NAME */
	"Полное наименование",                                      /* MT_FULL_NAME */
	"Населённый пункт",                                         /* MT_LOCALITY */
	"Сайт школы",                                               /* MT_WEBSITE */
	"Страница на портале",                                      /* MT_PAGE */
	"Год",                                                      /* MT_YEAR */
	"Программа",                                                /* MT_PROGRAMME */
	"Категория",                                                /* MT_CATEGORY */
	"Дорожная карта",                                           /* MT_ROADMAP */
	"Номер",                                                    /* MT_NUMBER */
	"Мероприятие",                                              /* MT_MEASURE */
	"Срок (как в документе)",                                   /* MT_DEADLINE */
	"Срок",                                                     /* MT_DUE_ON */
	"Статус",                                                   /* MT_STATUS */
	"Подтверждено",                                             /* MT_CONFIRMED_ON */
	"Вид документа",                                            /* MT_DOC_TYPE */
	"Название",                                                 /* MT_TITLE */
	"Версия",                                                   /* MT_VERSION */
	"Опубликован",                                              /* MT_PUBLISHED_ON */
	"Файл",                                                     /* MT_FILE */
};

const char *const dash_text_v[DASH__MAX] = {
	"Панель координатора",                                   /* DASH_TITLE */
	"Панель координатора: муниципалитеты области",           /* DASH_REGION_TITLE */
	"Сводка",                                                /* DASH_SUMMARY */
	"Документы школ: что требуется и в каком состоянии",     /* DASH_MATRIX */
	"Карта рисков: рисковые направления и их значимость",   /* DASH_RISKS */
	"Результаты школ рядом с «Город» и «Область»",           /* DASH_RESULTS */
	"Результаты по годам",                                   /* DASH_TREND */
	"Исполнение дорожных карт школ",                         /* DASH_PROGRESS */
	"Муниципальная дорожная карта по задачам",               /* DASH_TASKS */
	"Просроченные мероприятия и ответственные",              /* DASH_OVERDUE */
	"Муниципалитеты",                                        /* DASH_REGION */
	"Муниципалитеты: школы в программе, документы, дорожная карта, просрочки", /* DASH_REGION_CAPTION */
	"Школа",                                                 /* DASH_SCHOOL */
	"Показатель",                                            /* DASH_MEASURE */
	"Значение",                                              /* DASH_VALUE */
	"Участников",                                            /* DASH_N */
	"Дорожная карта",                                        /* DASH_ROADMAP */
	"Мероприятий",                                           /* DASH_ITEMS */
	"Срок наступил",                                         /* DASH_DUE */
	"Подтверждено",                                          /* DASH_CONFIRMED */
	"Ждёт подтверждения",                                    /* DASH_DONE */
	"Просрочено",                                            /* DASH_OVERDUE_N */
	"Доля, %",                                               /* DASH_SHARE */
	"Задача",                                                /* DASH_TASK */
	"Срок",                                                  /* DASH_DUE_ON */
	"№",                                                     /* DASH_NUMBER */
	"Мероприятие",                                           /* DASH_ITEM */
	"Ответственные",                                         /* DASH_RESPONSIBLE */
	"Динамика",                                              /* DASH_DYNAMICS */
	"Муниципалитет",                                         /* DASH_MUNI */
	"Школ в программе",                                      /* DASH_IN_PROGRAMME */
	"Документы: принято из требуемых",                       /* DASH_DOCS_ACCEPTED */
	"Ключевой показатель дорожной карты, %",                 /* DASH_KEY_METRIC */
	"данных недостаточно",                                   /* DASH_SMALL_GROUP */
	"не указано",                                            /* DASH_N_UNKNOWN */
	"не требуется",                                          /* DASH_NOT_REQUIRED */
	"—",                                                     /* DASH_NONE */
	"Муниципальная дорожная карта",                          /* DASH_MUNI_ROADMAP */
	"из",                                                    /* DASH_OF */
	"нет данных",                                            /* DASH_NO_DATA */
	"Неверное значение фильтра",                             /* DASH_BAD_FILTER */
	"отмечено",                                              /* DASH_MARKED: a risk without significance */
	"класс",                                                 /* DASH_GRADE */
	"все",                                                   /* DASH_ALL */
	"Документы",                                             /* DASH_H_MATRIX */
	"Просроченные мероприятия",                              /* DASH_H_OVERDUE */
	"Риски",                                                 /* DASH_H_RISKS */
	"Результаты",                                            /* DASH_H_RESULTS */
	"Дорожные карты школ",                                   /* DASH_H_PROGRESS */
	"Задачи муниципальной дорожной карты",                   /* DASH_H_TASKS */
	"Показатели программы: план и факт за год",                /* DASH_INDICATORS */
	"Показатели программы",                                  /* DASH_H_INDICATORS */
	"Показатели: достигнуто из имеющих целевое значение",    /* DASH_INDICATORS_MET */
	"Показатель",                                            /* DASH_INDICATOR */
	"План",                                                  /* DASH_PLAN */
	"Факт",                                                  /* DASH_FACT */
	"Итог",                                                  /* DASH_VERDICT */
	"Исполнение плана, %",                                   /* DASH_FULFILMENT */
};

const struct vocab dash_param_v[DP__MAX] = {
	{ "year",        "Год" },               /* DP_YEAR */
	{ "programme",   "Программа" },         /* DP_PROGRAMME */
	{ "school",      "Школа" },             /* DP_SCHOOL */
	{ "procedure",   "Процедура" },         /* DP_PROCEDURE */
	{ "subject",     "Предмет" },           /* DP_SUBJECT */
	{ "grade",       "Класс" },             /* DP_GRADE */
	{ "result_year", "Год результатов" },   /* DP_RESULT_YEAR */
	{ "metric",      "Показатель" },        /* DP_METRIC */
};

const char *msg_for_status(int status)
{
	switch (status) {
	case 400: return msg_v[MSG_E400];
	case 401: return msg_v[MSG_E401];
	case 403: return msg_v[MSG_E403];
	case 404: return msg_v[MSG_E404];
	case 405: return msg_v[MSG_E405];
	case 409: return msg_v[MSG_STALE];
	case 413: return msg_v[MSG_E413];
	case 414: return msg_v[MSG_E414];
	case 415: return msg_v[MSG_E415];
	case 422: return msg_v[MSG_E422];
	case 429: return msg_v[MSG_E429];
	case 503: return msg_v[MSG_E503];
	case 507: return msg_v[MSG_E507];
	default: return msg_v[MSG_E500];
	}
}

size_t vocab_find(const struct vocab *v, size_t n, const char *code)
{
	if (code)
		for (size_t i = 0; i < n; i++)
			if (strcmp(v[i].code, code) == 0)
				return i;
	return n;
}

const char *vocab_label(const struct vocab *v, size_t n, const char *code)
{
	size_t i = vocab_find(v, n, code);

	return i < n ? v[i].label : "";
}
