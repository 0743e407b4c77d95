import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_programme_overview_renders(client):
    response = client.get(reverse("capacity_lms:programme"))
    assert response.status_code == 200
