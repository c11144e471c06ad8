from django.urls import path

from guidance import views

app_name = "guidance"

urlpatterns = [
    path("", views.index, name="index"),
    path("paths/", views.paths, name="paths"),
    path("paths/<slug:slug>/", views.path, name="path"),
    path("assessments/", views.assessments, name="assessments"),
    path("assessments/start/", views.assessment_start, name="assessment_start"),
    path("assessments/<uuid:pk>/", views.assessment, name="assessment"),
    path("assessments/<uuid:pk>/print/", views.assessment_print, name="assessment_print"),
    path("assessments/<uuid:pk>/delete/", views.assessment_delete, name="assessment_delete"),
    # Last: an article's slug may be any word but the ones above (see RESERVED_SLUGS).
    path("<slug:slug>/", views.article, name="article"),
    path("<slug:slug>/done/", views.article_done, name="article_done"),
]
