/*
 * pages.h: the page handlers named in the route table, one file per page family.
 * Each returns an HTTP status; route.c has already checked path and method.
 */
#ifndef PAGES_H
#define PAGES_H

struct req;
struct resp;

int home_page(struct req *rq, struct resp *rs);          /* page_home.c */
int municipality_page(struct req *rq, struct resp *rs);  /* page_municipality.c */
int school_page(struct req *rq, struct resp *rs);        /* page_school.c */
int roadmap_page(struct req *rq, struct resp *rs);       /* page_roadmap.c */
int roadmap_csv_page(struct req *rq, struct resp *rs);   /* page_roadmap.c */
int roadmap_schools_page(struct req *rq, struct resp *rs);  /* page_roadmap_schools.c */
int roadmap_schools_csv_page(struct req *rq, struct resp *rs);   /* page_roadmap_schools.c */
int roadmap_schools_xlsx_page(struct req *rq, struct resp *rs);  /* page_roadmap_schools.c */
int roadmap_xlsx_page(struct req *rq, struct resp *rs);  /* page_roadmap.c */
int login_page(struct req *rq, struct resp *rs);         /* page_login.c */
int login_post_page(struct req *rq, struct resp *rs);    /* page_login.c */
int logout_page(struct req *rq, struct resp *rs);        /* page_login.c */
int cabinet_page(struct req *rq, struct resp *rs);       /* page_login.c */
int docs_page(struct req *rq, struct resp *rs);          /* page_docs.c */
int doc_upload_page(struct req *rq, struct resp *rs);    /* page_docs.c */
int doc_page(struct req *rq, struct resp *rs);           /* page_docs.c */
int doc_file_page(struct req *rq, struct resp *rs);      /* page_docs.c */
int doc_submit_page(struct req *rq, struct resp *rs);    /* page_docs.c */
int queue_page(struct req *rq, struct resp *rs);         /* page_review.c */
int doc_review_page(struct req *rq, struct resp *rs);    /* page_review.c */
int audit_page(struct req *rq, struct resp *rs);         /* page_review.c */
int item_page(struct req *rq, struct resp *rs);                  /* page_items.c */
int occurrence_done_page(struct req *rq, struct resp *rs);       /* page_items.c */
int occurrence_confirm_page(struct req *rq, struct resp *rs);    /* page_items.c */
int occurrence_start_page(struct req *rq, struct resp *rs);      /* page_items.c */
int occurrence_withdraw_page(struct req *rq, struct resp *rs);   /* page_items.c */
int my_items_page(struct req *rq, struct resp *rs);              /* page_items.c */
int item_assign_page(struct req *rq, struct resp *rs);           /* page_items.c */
int my_items_csv_page(struct req *rq, struct resp *rs);          /* page_items.c */
int my_items_xlsx_page(struct req *rq, struct resp *rs);         /* page_items.c */
int unparsed_page(struct req *rq, struct resp *rs);              /* page_items.c */
int import_form_page(struct req *rq, struct resp *rs);            /* page_import.c */
int import_upload_page(struct req *rq, struct resp *rs);          /* page_import.c */
int import_confirm_page(struct req *rq, struct resp *rs);         /* page_import.c */
int results_import_form_page(struct req *rq, struct resp *rs);    /* page_results_import.c */
int results_import_upload_page(struct req *rq, struct resp *rs);  /* page_results_import.c */
int results_import_confirm_page(struct req *rq, struct resp *rs); /* page_results_import.c */
int healthz_page(struct req *rq, struct resp *rs);       /* page_misc.c */
int vi_on_page(struct req *rq, struct resp *rs);         /* page_misc.c */
int vi_off_page(struct req *rq, struct resp *rs);        /* page_misc.c */
int item_new_page(struct req *rq, struct resp *rs);        /* page_roadmap_edit.c */
int item_create_page(struct req *rq, struct resp *rs);     /* page_roadmap_edit.c */
int item_edit_form_page(struct req *rq, struct resp *rs);  /* page_roadmap_edit.c */
int item_edit_page(struct req *rq, struct resp *rs);       /* page_roadmap_edit.c */
int item_move_page(struct req *rq, struct resp *rs);       /* page_roadmap_edit.c */
int item_remove_page(struct req *rq, struct resp *rs);     /* page_roadmap_edit.c */
int item_restore_page(struct req *rq, struct resp *rs);    /* page_roadmap_edit.c */
int item_removed_page(struct req *rq, struct resp *rs);    /* page_roadmap_edit.c */
int indicators_page(struct req *rq, struct resp *rs);            /* page_indicators.c */
int indicators_csv_page(struct req *rq, struct resp *rs);        /* page_indicators.c */
int indicators_xlsx_page(struct req *rq, struct resp *rs);       /* page_indicators.c */
int indicator_facts_page(struct req *rq, struct resp *rs);       /* page_indicators.c */
int indicator_fact_post_page(struct req *rq, struct resp *rs);   /* page_indicators.c */
int dashboard_page(struct req *rq, struct resp *rs);              /* page_dash.c */
int dashboard_csv_page(struct req *rq, struct resp *rs);          /* page_dash.c */
int dashboard_xlsx_page(struct req *rq, struct resp *rs);         /* page_dash.c */
int dashboard_region_page(struct req *rq, struct resp *rs);       /* page_dash.c */
int dashboard_region_csv_page(struct req *rq, struct resp *rs);   /* page_dash.c */
int dashboard_region_xlsx_page(struct req *rq, struct resp *rs);  /* page_dash.c */
int ident_page(struct req *rq, struct resp *rs);                 /* page_ident.c */
int ident_csv_page(struct req *rq, struct resp *rs);             /* page_ident.c */
int ident_xlsx_page(struct req *rq, struct resp *rs);            /* page_ident.c */
int ident_decide_page(struct req *rq, struct resp *rs);          /* page_ident_decide.c */
int ident_school_page(struct req *rq, struct resp *rs);          /* page_ident_decide.c */
int ident_settings_page(struct req *rq, struct resp *rs);        /* page_ident_settings.c */
int ident_settings_post_page(struct req *rq, struct resp *rs);   /* page_ident_settings.c */
int search_page(struct req *rq, struct resp *rs);                /* page_search.c */
int monitoring_page(struct req *rq, struct resp *rs);            /* page_monitor.c */
int monitoring_start_page(struct req *rq, struct resp *rs);      /* page_monitor.c */
int monitoring_round_page(struct req *rq, struct resp *rs);      /* page_monitor.c */
int monitoring_csv_page(struct req *rq, struct resp *rs);        /* page_monitor.c */
int monitoring_xlsx_page(struct req *rq, struct resp *rs);       /* page_monitor.c */
int school_monitoring_page(struct req *rq, struct resp *rs);     /* page_monitor.c */
int school_website_page(struct req *rq, struct resp *rs);        /* page_monitor.c */
int content_index_page(struct req *rq, struct resp *rs);        /* page_content.c */
int content_form_page(struct req *rq, struct resp *rs);         /* page_content.c */
int content_post_page(struct req *rq, struct resp *rs);         /* page_content.c */
int content_versions_page(struct req *rq, struct resp *rs);     /* page_content.c */
int content_rollback_page(struct req *rq, struct resp *rs);     /* page_content.c */
int content_visibility_page(struct req *rq, struct resp *rs);   /* page_content.c */
int news_list_page(struct req *rq, struct resp *rs);            /* page_news.c */
int news_post_page(struct req *rq, struct resp *rs);            /* page_news.c */
int freshness_page(struct req *rq, struct resp *rs);            /* page_freshness.c */
int freshness_csv_page(struct req *rq, struct resp *rs);        /* page_freshness.c */
int freshness_xlsx_page(struct req *rq, struct resp *rs);       /* page_freshness.c */
/* Non-zero when the user may edit the URL's municipal roadmap: its coordinator
 * or the region's admin (page_roadmap_edit.c). */
int roadmap_editor(const struct req *rq);

int mail_settings_page(struct req *rq, struct resp *rs);      /* page_mail.c */
int mail_settings_post_page(struct req *rq, struct resp *rs); /* page_mail.c */
int outbox_page(struct req *rq, struct resp *rs);             /* page_mail.c */
int outbox_retry_page(struct req *rq, struct resp *rs);       /* page_mail.c */
int muni_feed_page(struct req *rq, struct resp *rs);          /* page_feed.c */
int school_feed_page(struct req *rq, struct resp *rs);        /* page_feed.c */
int opendata_page(struct req *rq, struct resp *rs);           /* page_opendata.c */
int opendata_csv_page(struct req *rq, struct resp *rs);       /* page_opendata.c */

#endif
