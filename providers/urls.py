from django.urls import path

from providers import views

app_name = "providers"

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("terms/", views.terms, name="terms"),
    path("application/", views.application, name="application"),
    path("terms/accept/", views.accept_terms, name="accept_terms"),
    path("portal/", views.portal, name="portal"),
    path("portal/tools/new/", views.propose_tool, name="propose_tool"),
    path("portal/tools/<slug:slug>/propose/", views.propose_update, name="propose_update"),
    path("portal/tools/<slug:slug>/accurate/", views.confirm_accurate, name="confirm_accurate"),
    path("portal/proposals/<uuid:uuid>/", views.proposal, name="proposal"),
    path("portal/reviews/", views.reviews, name="reviews"),
    path("portal/reviews/<uuid:uuid>/reply/", views.reply, name="reply"),
]
