"""Community pages. Every view is for members (the access policy's default), the moderation
pages for moderators; views narrow what they show to what the member may see, and answer 404
for another pair's conversation, a profile that is not listed, or a hidden thread."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from catalog.models import Tool
from community import services
from community.filters import ProfileFilter
from community.forms import (
    AnswerForm,
    ContactRequestForm,
    MessageForm,
    PostModerationForm,
    ProfileForm,
    ReplyForm,
    ReportActionForm,
    ReportForm,
    ThreadForm,
    ThreadModerationForm,
)
from community.models import (
    Block,
    ContactRequest,
    Conversation,
    ForumCategory,
    Message,
    Participant,
    Post,
    Profile,
    Report,
    Thread,
    ThreadFollow,
)
from hub import access
from hub.redirects import safe_path

if TYPE_CHECKING:
    from uuid import UUID

    from accounts.http import MemberRequest
    from accounts.models import User

PAGE_SIZE = 20
MESSAGES_SHOWN = 200
MODERATE = "community:moderate_post"


def _posted(request: MemberRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (which then shows its errors)."""
    return request.POST if request.method == "POST" else None


def _is_moderator(request: MemberRequest) -> bool:
    return access.may(request.user, MODERATE)


# --- Profiles and the directory ----------------------------------------------------------


@require_safe
def index(request: MemberRequest) -> HttpResponse:
    profiles = Profile.objects.visible_to(request.user).select_related("country")
    filterset = ProfileFilter(request.GET, queryset=profiles)
    listed = filterset.qs.order_by("display_name", "pk").prefetch_related(
        "languages", "capabilities"
    )
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    if filterset.errors:
        messages.warning(
            request,
            _("Some of the filters were not recognised and have been ignored: %(names)s.")
            % {"names": ", ".join(str(filterset.filters[name].label) for name in filterset.errors)},
        )
    query = request.GET.copy()
    query.pop("page", None)
    own = Profile.objects.owned_by(request.user).first()
    return render(
        request,
        "community/index.html",
        {
            "filterset": filterset,
            "page": page,
            "facets": filterset.facets(),
            "query": query.urlencode(),
            "own_profile": own,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def profile(request: MemberRequest) -> HttpResponse:
    """The member's own profile: publish it (opt in), change it, or take it down."""
    own = Profile.objects.owned_by(request.user).first()
    if own is None:
        application = request.user.latest_application
        own = Profile(
            user=request.user,
            display_name=request.user.full_name[:80],
            agency=application.agency_label if application else "",
            unit=application.unit if application else "",
        )
    form = ProfileForm(_posted(request), instance=own)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        if saved.published:
            messages.success(request, _("Your profile is saved and listed in the directory."))
        else:
            messages.success(
                request, _("Your profile is saved. It is not listed in the directory.")
            )
        return redirect("community:profile")
    blocked = (
        Block.objects.owned_by(request.user)
        .select_related("blocked__community_profile")
        .order_by("-created_at")
    )
    return render(
        request,
        "community/profile_form.html",
        {"form": form, "profile": own, "blocked": blocked},
        status=400 if form.is_bound else 200,
    )


def _listed_profile(request: MemberRequest, public_id: UUID) -> Profile:
    """A listed profile, unless its owner blocked the visitor (then, as for any other, 404)."""
    found = get_object_or_404(
        Profile.objects.listed().select_related("country", "user"), public_id=public_id
    )
    if Block.objects.owned_by(found.user).filter(blocked=request.user).exists():
        raise Http404
    return found


@require_POST
def used_tool(request: MemberRequest, slug: str) -> HttpResponse:
    """From a tool's page: say (or stop saying) on one's profile that one has used it."""
    tool = get_object_or_404(Tool.objects.visible_to(request.user), slug=slug)
    if services.toggle_used_tool(request.user, tool):
        messages.success(request, _("%(tool)s is on your community profile.") % {"tool": tool.name})
    else:
        messages.success(
            request, _("%(tool)s is no longer on your community profile.") % {"tool": tool.name}
        )
    return redirect(tool)


@require_safe
def member(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = _listed_profile(request, public_id)
    them = found.user
    sent = ContactRequest.objects.sent_by(request.user).filter(recipient=them).first()
    received = ContactRequest.objects.received_by(request.user).filter(sender=them).first()
    conversation = (
        Conversation.objects.owned_by(request.user)
        .filter(pair=Conversation.pair_of(request.user, them))
        .first()
    )
    return render(
        request,
        "community/member.html",
        {
            "profile": found,
            "is_self": them.pk == request.user.pk,
            "sent": sent,
            "received": received,
            "conversation": conversation,
            "i_blocked": Block.objects.owned_by(request.user).filter(blocked=them).exists(),
            "languages": found.languages.all(),
            "capabilities": found.capabilities.all(),
            "stages": found.stages.all(),
            "tools": found.tools.published(),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = _listed_profile(request, public_id)
    form = ContactRequestForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.send_contact_request(request.user, found, form.cleaned_data["message"])
        except services.RefusedError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("Your request was sent to %(name)s. You can write once they accept.")
                % {"name": found.display_name},
            )
            return redirect(found)
    return render(
        request,
        "community/contact.html",
        {"form": form, "profile": found},
        status=400 if form.is_bound else 200,
    )


@require_POST
def block(request: MemberRequest, public_id: UUID) -> HttpResponse:
    """Block the member (or unblock, with `unblock` in the form)."""
    found = get_object_or_404(Profile.objects.select_related("user"), public_id=public_id)
    if "unblock" in request.POST:
        services.unblock(request.user, found.user)
        messages.success(request, _("You unblocked this member."))
        return redirect(safe_path(request, request.POST.get("next")) or "community:profile")
    if found.user_id == request.user.pk or not found.is_listed:
        raise Http404
    services.block(request.user, found.user)
    messages.success(
        request,
        _("You blocked %(name)s. They cannot send you requests or messages.")
        % {"name": found.display_name},
    )
    return redirect("community:index")


@require_http_methods(["GET", "HEAD", "POST"])
def report_profile(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = _listed_profile(request, public_id)
    return _report(request, {"profile": found}, found.get_absolute_url(), found.display_name)


def _report(
    request: MemberRequest, target: dict, back: str, label: str, quoted: str = ""
) -> HttpResponse:
    form = ReportForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        services.report(request.user, reason=form.cleaned_data["reason"], **target)
        messages.success(request, _("Thank you. The moderators will look at your report."))
        return redirect(back)
    return render(
        request,
        "community/report_form.html",
        {"form": form, "back": back, "label": label, "quoted": quoted},
        status=400 if form.is_bound else 200,
    )


# --- Contact requests and conversations ---------------------------------------------------


@require_safe
def requests(request: MemberRequest) -> HttpResponse:
    received = ContactRequest.objects.awaiting(request.user).select_related(
        "sender__community_profile"
    )
    sent = ContactRequest.objects.sent_by(request.user).select_related(
        "recipient__community_profile"
    )
    return render(
        request,
        "community/requests.html",
        {"received": received, "sent": sent, "answer_form": AnswerForm()},
    )


@require_POST
def request_answer(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = get_object_or_404(ContactRequest.objects.received_by(request.user), public_id=public_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to accept or decline the request."))
        return redirect("community:requests")
    try:
        conversation = services.answer_contact_request(
            found, accept=form.cleaned_data["answer"] == "accept"
        )
    except services.RefusedError as refused:
        messages.error(request, str(refused))
        return redirect("community:requests")
    if conversation is None:
        messages.success(request, _("You declined the request. The sender is not told."))
        return redirect("community:requests")
    messages.success(request, _("You accepted the request: you can now write to each other."))
    return redirect(conversation)


def _conversations(user: User) -> list[Participant]:
    """The member's side of each conversation they have not deleted (or that went on since)."""
    others = Participant.objects.exclude(user=user).select_related("user__community_profile")
    return list(
        Participant.objects.owned_by(user)
        .filter(Q(cleared_at__isnull=True) | Q(conversation__last_message_at__gt=F("cleared_at")))
        .select_related("conversation")
        .prefetch_related(Prefetch("conversation__participants", queryset=others, to_attr="others"))
        .order_by("-conversation__last_message_at")
    )


@require_safe
def conversations(request: MemberRequest) -> HttpResponse:
    pending = ContactRequest.objects.awaiting(request.user).count()
    return render(
        request,
        "community/conversations.html",
        {"participants": _conversations(request.user), "pending_requests": pending},
    )


def _own_conversation(request: MemberRequest, public_id: UUID) -> tuple[Conversation, Participant]:
    conversation = get_object_or_404(
        Conversation.objects.owned_by(request.user), public_id=public_id
    )
    mine = Participant.objects.owned_by(request.user).get(conversation=conversation)
    return conversation, mine


@require_http_methods(["GET", "HEAD", "POST"])
def conversation(request: MemberRequest, public_id: UUID) -> HttpResponse:
    conversation, mine = _own_conversation(request, public_id)
    theirs = (
        Participant.objects.filter(conversation=conversation)
        .exclude(user=request.user)
        .select_related("user__community_profile")
        .first()
    )
    if theirs is None:
        raise Http404
    other = theirs.user
    form = MessageForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.send_message(request.user, conversation, form.cleaned_data["body"])
        except services.RefusedError as refused:
            form.add_error(None, str(refused))
        else:
            return redirect(f"{conversation.get_absolute_url()}#latest")
    shown = conversation.messages.all()
    if mine.cleared_at is not None:
        shown = shown.filter(created_at__gt=mine.cleared_at)
    latest = list(shown.order_by("-created_at", "-pk")[:MESSAGES_SHOWN])[::-1]
    if mine.unread:
        services.mark_read(conversation, request.user)
    blocked = Block.between(request.user, other)
    can_write = (
        not blocked and other.is_active_member and services.accepted_pair(request.user, other)
    )
    return render(
        request,
        "community/conversation.html",
        {
            "conversation": conversation,
            "other": other,
            "other_name": services.display_name(other),
            "messages_shown": latest,
            "form": form,
            "can_write": can_write,
            "blocked": blocked,
        },
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def conversation_delete(request: MemberRequest, public_id: UUID) -> HttpResponse:
    conversation, _mine = _own_conversation(request, public_id)
    if request.method == "POST":
        services.delete_for(conversation, request.user)
        messages.success(
            request, _("The conversation was deleted for you. The other member keeps theirs.")
        )
        return redirect("community:conversations")
    return render(request, "community/conversation_delete.html", {"conversation": conversation})


@require_http_methods(["GET", "HEAD", "POST"])
def report_message(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = get_object_or_404(
        Message.objects.owned_by(request.user)
        .exclude(sender=request.user)
        .select_related("conversation"),
        public_id=public_id,
        hidden_at__isnull=True,
    )
    return _report(
        request,
        {"message": found},
        found.conversation.get_absolute_url(),
        _("a message"),
        quoted=found.body,
    )


@require_safe
def external_link(request: MemberRequest) -> HttpResponse:
    """Where a link in a message leads: this hub's pages directly, anywhere else after a warning."""
    target = request.GET.get("to", "")
    internal = safe_path(request, target)
    if internal:
        return redirect(internal)
    parts = urlsplit(target) if len(target) <= 2000 else None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.netloc:
        return HttpResponseBadRequest(_("This is not a link the hub can open."))
    return render(request, "community/external_link.html", {"target": target, "host": parts.netloc})


# --- Forums -------------------------------------------------------------------------------


@require_safe
def forums(request: MemberRequest) -> HttpResponse:
    categories = ForumCategory.objects.annotate(
        thread_total=Count("threads", filter=Q(threads__hidden_at__isnull=True))
    )
    return render(request, "community/forums.html", {"categories": categories})


@require_safe
def category(request: MemberRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(ForumCategory, slug=slug)
    threads = found.threads.visible().select_related("author__community_profile")
    page = Paginator(threads.order_by("-last_post_at", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "community/category.html", {"category": found, "page": page})


@require_http_methods(["GET", "HEAD", "POST"])
def thread_create(request: MemberRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(ForumCategory, slug=slug)
    form = ThreadForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        thread = services.start_thread(
            request.user, found, title=form.cleaned_data["title"], body=form.cleaned_data["body"]
        )
        messages.success(request, _("Your thread is started. You follow it."))
        return redirect(thread)
    return render(
        request,
        "community/thread_form.html",
        {"form": form, "category": found},
        status=400 if form.is_bound else 200,
    )


def _thread(request: MemberRequest, public_id: UUID) -> Thread:
    threads = Thread.objects.select_related("category")
    if not _is_moderator(request):
        threads = threads.visible()
    return get_object_or_404(threads, public_id=public_id)


@require_http_methods(["GET", "HEAD", "POST"])
def thread(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = _thread(request, public_id)
    form = ReplyForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.reply(request.user, found, form.cleaned_data["body"])
        except services.RefusedError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Your reply is posted."))
            last = (found.reply_count + 1) // PAGE_SIZE + 1
            return redirect(f"{found.get_absolute_url()}?page={last}#latest")
    posts = found.posts.select_related("author__community_profile").order_by("created_at", "pk")
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    moderator = _is_moderator(request)
    return render(
        request,
        "community/thread.html",
        {
            "thread": found,
            "page": page,
            "form": form,
            "following": ThreadFollow.objects.owned_by(request.user).filter(thread=found).exists(),
            "is_moderator": moderator,
            "thread_moderation_form": ThreadModerationForm(thread=found) if moderator else None,
        },
        status=400 if form.is_bound else 200,
    )


@require_POST
def thread_follow(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = _thread(request, public_id)
    if services.toggle_follow(request.user, found):
        messages.success(request, _("You follow this thread: you will hear of replies."))
    else:
        messages.success(request, _("You no longer follow this thread."))
    return redirect(found)


@require_http_methods(["GET", "HEAD", "POST"])
def report_post(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = get_object_or_404(
        Post.objects.select_related("thread").filter(
            hidden_at__isnull=True, thread__hidden_at__isnull=True
        ),
        public_id=public_id,
    )
    return _report(request, {"post": found}, found.thread.get_absolute_url(), _("a post"))


# --- Moderation (moderators only: the access policy checks the permission) -------------------


@require_POST
def moderate_post(request: MemberRequest, public_id: UUID) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("thread", "author"), public_id=public_id)
    form = PostModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what to do with the post."))
        return redirect(post.thread)
    hidden = form.cleaned_data["action"] == "hide"
    services.set_post_hidden(
        request.user, post, hidden=hidden, note=form.cleaned_data["note"], request=request
    )
    if hidden:
        messages.success(request, _("The post is hidden and its author told."))
    else:
        messages.success(request, _("The post is shown again and its author told."))
    return redirect(post.thread)


@require_POST
def moderate_thread(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = get_object_or_404(
        Thread.objects.select_related("category", "author"), public_id=public_id
    )
    form = ThreadModerationForm(request.POST, thread=found)
    if not form.is_valid():
        messages.error(request, _("Choose what to do with the thread (and where to move it)."))
        return redirect(found)
    services.moderate_thread(
        request.user,
        found,
        action=form.cleaned_data["action"],
        category=form.cleaned_data.get("category"),
        note=form.cleaned_data["note"],
        request=request,
    )
    messages.success(request, _("Done, and the author was told."))
    return redirect(found)


@require_safe
def moderation(request: MemberRequest) -> HttpResponse:
    reports = Report.objects.filter(status=Report.Status.OPEN).order_by("created_at")
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "community/moderation.html", {"page": page})


@require_http_methods(["GET", "HEAD", "POST"])
def report(request: MemberRequest, public_id: UUID) -> HttpResponse:
    found = get_object_or_404(
        Report.objects.select_related(
            "message__sender__community_profile",
            "message__conversation",
            "profile__user",
            "post__thread",
            "post__author__community_profile",
        ),
        public_id=public_id,
    )
    form = ReportActionForm(_posted(request))
    if request.method == "POST" and found.status != Report.Status.OPEN:
        messages.info(request, _("This report was already handled."))
        return redirect("community:moderation")
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        if form.cleaned_data["action"] == "dismiss":
            services.dismiss_report(request.user, found, request=request)
            messages.success(request, _("The report is dismissed."))
        elif found.message is not None:
            services.hide_message(request.user, found.message, note=note, request=request)
            messages.success(request, _("The message is hidden and its sender told."))
        elif found.profile is not None:
            services.unpublish_profile(request.user, found.profile, note=note, request=request)
            messages.success(request, _("The profile is no longer listed and its owner told."))
        elif found.post is not None:  # one target of the three (community_report_one_target)
            services.set_post_hidden(
                request.user, found.post, hidden=True, note=note, request=request
            )
            messages.success(request, _("The post is hidden and its author told."))
        return redirect("community:moderation")
    return render(
        request,
        "community/report.html",
        {"report": found, "form": form},
        status=400 if form.is_bound else 200,
    )
