from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.index, name="index"),
    path("compare/", views.compare, name="compare"),
    path("finder/", views.finder, name="finder"),
    path("bookmarks/", views.bookmarks, name="bookmarks"),
    path("bookmarks/<uuid:uuid>/delete/", views.bookmark_delete, name="bookmark_delete"),
    path("saved/", views.saved_searches, name="saved_searches"),
    path("saved/<uuid:uuid>/", views.saved_search_update, name="saved_search_update"),
    path("saved/<uuid:uuid>/delete/", views.saved_search_delete, name="saved_search_delete"),
    path("reviews/<uuid:uuid>/", views.review_edit, name="review_edit"),
    path("reviews/<uuid:uuid>/delete/", views.review_delete, name="review_delete"),
    path("<slug:slug>/", views.tool, name="tool"),
    path("<slug:slug>/bookmark/", views.bookmark, name="bookmark"),
    path("<slug:slug>/review/", views.review_create, name="review_create"),
]
