from django.core.management.base import BaseCommand

from community.tasks import send_thread_digests


class Command(BaseCommand):
    help = "Email members the week's replies in the forum threads they follow (safe to run twice)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{send_thread_digests()} digests written to the outbox")
