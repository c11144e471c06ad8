"""The guidance index (search, category filter) and article pages."""

import pytest
from django.urls import reverse
from django.utils import translation

from hub.markdown import render
from tests import factories
from tests.conftest import sign_in
from tests.guidance.conftest import queries_for

pytestmark = pytest.mark.django_db


def test_the_index_lists_published_articles_only(member_client):
    published = factories.ArticleFactory(title="Proportionality explained")
    factories.ArticleFactory(title="Unfinished draft", status="draft")
    response = member_client.get(reverse("guidance:index"))
    assert response.status_code == 200
    assert published.title in response.text
    assert "Unfinished draft" not in response.text


def test_search_matches_title_summary_and_body(member_client):
    factories.ArticleFactory(title="Hash matching", body="About perceptual hashes.")
    factories.ArticleFactory(title="Other", summary="Nothing relevant")
    factories.ArticleFactory(title="Third", body="Deep dive into PERCEPTUAL hashing")
    response = member_client.get(reverse("guidance:index"), {"q": "perceptual"})
    titles = [article.title for article in response.context["page"].object_list]
    assert sorted(titles) == ["Hash matching", "Third"]


def test_search_reads_the_readers_language_and_english(member_client):
    with translation.override("en"):
        factories.ArticleFactory(
            title="Proportionality", summary_fr="La proportionnalité expliquée."
        )
        factories.ArticleFactory(title="Necessity", body="Necessity and proportionnalité.")
        factories.ArticleFactory(title="Other", summary="Nothing relevant")
    url = reverse("guidance:index")

    def titles(query: str, language: str) -> list[str]:
        response = member_client.get(url, {"q": query}, HTTP_ACCEPT_LANGUAGE=language)
        return sorted(article.title for article in response.context["page"].object_list)

    assert titles("proportionnalité", "fr") == ["Necessity", "Proportionality"]
    assert titles("proportionnalité", "en") == ["Necessity"]


def test_category_filter(member_client):
    data = factories.CategoryFactory(name="Data protection", slug="data-protection")
    factories.ArticleFactory(title="DPIAs", category=data)
    factories.ArticleFactory(title="Elsewhere")
    response = member_client.get(reverse("guidance:index"), {"category": "data-protection"})
    assert [a.title for a in response.context["page"].object_list] == ["DPIAs"]


def test_an_unknown_category_is_a_clear_error_not_everything(member_client):
    factories.ArticleFactory()
    response = member_client.get(reverse("guidance:index"), {"category": "no-such-thing"})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert list(response.context["page"].object_list) == []


def test_a_bad_page_number_shows_a_page(member_client):
    factories.ArticleFactory()
    response = member_client.get(reverse("guidance:index"), {"page": "banana"})
    assert response.status_code == 200


def test_the_index_query_count_stays_flat(member_client, django_assert_max_num_queries):
    factories.ArticleFactory.create_batch(2)
    few = queries_for(member_client, reverse("guidance:index"))
    factories.ArticleFactory.create_batch(15)
    assert queries_for(member_client, reverse("guidance:index")) == few
    with django_assert_max_num_queries(12):
        response = member_client.get(reverse("guidance:index"))
    assert len(response.context["page"].object_list) == 17


def test_an_article_shows_its_body_sanitised_and_related_tools(member_client):
    tool = factories.ToolFactory(name="Hashmatch Pro")
    hidden = factories.ToolFactory(name="Secret draft tool", status="draft")
    article = factories.ArticleFactory(body="Hello <script>alert(1)</script> **world**")
    article.related_tools.set([tool, hidden])
    response = member_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "<strong>world</strong>" in response.text
    assert "<script>alert" not in response.text
    assert "Hashmatch Pro" in response.text
    assert "Secret draft tool" not in response.text
    assert f"{reverse('guidance:assessment_start')}?tool={tool.slug}" in response.text


def test_draft_and_unknown_articles_are_404(member_client):
    draft = factories.ArticleFactory(status="draft")
    assert member_client.get(draft.get_absolute_url()).status_code == 404
    assert member_client.get("/guidance/no-such-article/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client):
    article = factories.ArticleFactory()
    for url in (reverse("guidance:index"), article.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_applicants_are_refused(applicant_client):
    article = factories.ArticleFactory()
    assert applicant_client.get(reverse("guidance:index")).status_code == 403
    assert applicant_client.get(article.get_absolute_url()).status_code == 403


class TestContentWarnings:
    def test_a_flagged_article_shows_a_notice_first(self, member_client):
        article = factories.ArticleFactory(content_warning=True, body="Distressing detail")
        response = member_client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "Content warning" in response.text
        assert "Distressing detail" not in response.text
        assert "?proceed=1" in response.text

    def test_proceeding_shows_the_article(self, member_client):
        article = factories.ArticleFactory(content_warning=True, body="Distressing detail")
        response = member_client.get(article.get_absolute_url(), {"proceed": "1"})
        assert "Distressing detail" in response.text

    def test_members_who_turned_warnings_off_see_the_article_at_once(self, client, member):
        from wellbeing.models import Preferences

        Preferences.objects.create(owner=member, content_warnings=False)
        sign_in(client, member)
        article = factories.ArticleFactory(content_warning=True, body="Distressing detail")
        assert "Distressing detail" in client.get(article.get_absolute_url()).text

    def test_unflagged_articles_show_no_notice(self, member_client):
        article = factories.ArticleFactory(body="Plain detail")
        response = member_client.get(article.get_absolute_url())
        assert "Plain detail" in response.text
        assert "?proceed=1" not in response.text


class TestMarkdown:
    def test_scripts_handlers_and_javascript_links_are_removed(self):
        html = render(
            "<script>x()</script><img src=x onerror=y()>[a](javascript:alert(1)) "
            "[b](https://example.org)"
        )
        assert "<script" not in html
        assert "onerror" not in html
        assert "<img" not in html
        assert "javascript:" not in html
        assert 'href="https://example.org"' in html
        assert 'rel="noopener noreferrer"' in html

    def test_tables_and_lists_survive(self):
        html = render("- one\n- two\n\n|a|b|\n|-|-|\n|1|2|")
        assert "<li>one</li>" in html
        assert "<td>1</td>" in html


def test_an_article_slug_may_not_shadow_guidance_pages():
    from django.core.exceptions import ValidationError

    article = factories.ArticleFactory.build(slug="paths", category=factories.CategoryFactory())
    with pytest.raises(ValidationError):
        article.full_clean()
