from django.core.management.base import BaseCommand

from catalog.tasks import send_saved_search_digests


class Command(BaseCommand):
    help = "Email members the tools published since their last saved-search digest."

    def handle(self, *args, **options) -> None:
        sent = send_saved_search_digests()
        self.stdout.write(f"Saved-search digests written: {sent}")
