import pytest

from tests import factories


@pytest.fixture
def terms(db):
    """A small taxonomy: a few terms of the facets the tests filter on."""
    return {
        "hash": factories.CapabilityFactory(name="Hash matching", slug="hash-matching"),
        "age": factories.CapabilityFactory(name="Age estimation", slug="age-estimation"),
        "ocr": factories.CapabilityFactory(name="OCR and text analysis", slug="ocr"),
        "intake": factories.InvestigationStageFactory(name="Report intake", slug="intake"),
        "victim": factories.InvestigationStageFactory(name="Victim identification", slug="victim"),
        "images": factories.DataTypeFactory(name="Images", slug="images"),
        "chat": factories.DataTypeFactory(name="Text and chat", slug="chat"),
        "onprem": factories.DeploymentFactory(name="On-premises", slug="on-premises"),
        "airgap": factories.DeploymentFactory(name="Air-gapped", slug="air-gapped"),
        "cloud": factories.DeploymentFactory(name="Cloud", slug="cloud"),
        "open": factories.LicenceFactory(name="Open source", slug="open-source"),
        "commercial": factories.LicenceFactory(name="Commercial", slug="commercial"),
        "english": factories.LanguageFactory(name="English", slug="english"),
        "arabic": factories.LanguageFactory(name="Arabic", slug="arabic"),
    }
