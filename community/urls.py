from django.urls import path

from community import views

app_name = "community"

urlpatterns = [
    path("", views.index, name="index"),
    path("profile/", views.profile, name="profile"),
    path("members/<uuid:public_id>/", views.member, name="member"),
    path("members/<uuid:public_id>/contact/", views.contact, name="contact"),
    path("members/<uuid:public_id>/block/", views.block, name="block"),
    path("members/<uuid:public_id>/report/", views.report_profile, name="report_profile"),
    path("requests/", views.requests, name="requests"),
    path("requests/<uuid:public_id>/", views.request_answer, name="request_answer"),
    path("conversations/", views.conversations, name="conversations"),
    path("conversations/<uuid:public_id>/", views.conversation, name="conversation"),
    path(
        "conversations/<uuid:public_id>/delete/",
        views.conversation_delete,
        name="conversation_delete",
    ),
    path("messages/<uuid:public_id>/report/", views.report_message, name="report_message"),
    path("link/", views.external_link, name="external_link"),
    path("tools/<slug:slug>/used/", views.used_tool, name="used_tool"),
    path("forums/", views.forums, name="forums"),
    path("forums/<slug:slug>/", views.category, name="category"),
    path("forums/<slug:slug>/new/", views.thread_create, name="thread_create"),
    path("threads/<uuid:public_id>/", views.thread, name="thread"),
    path("threads/<uuid:public_id>/follow/", views.thread_follow, name="thread_follow"),
    path("threads/<uuid:public_id>/moderate/", views.moderate_thread, name="moderate_thread"),
    path("posts/<uuid:public_id>/report/", views.report_post, name="report_post"),
    path("posts/<uuid:public_id>/moderate/", views.moderate_post, name="moderate_post"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/<uuid:public_id>/", views.report, name="report"),
]
