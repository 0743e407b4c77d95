"""An association's directory page as schema.org data: an ``Organization`` with what its
public profile shows (its names, kind, place, founding year, website and other profiles, what it
works on), in the reader's language. Only the profile's published fields: nothing a member
typed about themselves, no contact person, no e-mail (the page's contact form stays the way to
write to it)."""

from capacity_lms.core.structured_data import SCHEMA_ORG


def _address(profile):
    if profile.kind == "abroad":
        address = {"@type": "PostalAddress"}
        if profile.city:
            address["addressLocality"] = profile.city
        if profile.host_country:
            address["addressCountry"] = profile.host_country.iso_code
        return address
    address = {"@type": "PostalAddress", "addressCountry": "MA"}
    locality = profile.commune or (profile.province and str(profile.province.name))
    if locality:
        address["addressLocality"] = locality
    if profile.region:
        address["addressRegion"] = str(profile.region.name)
    return address


def association_json_ld(profile, url):
    """``profile`` (a :class:`~capacity_lms.network.profiles.PublicProfile`) as the page at
    ``url`` (absolute) describes it."""
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Organization",
        "@id": f"{url}#organization",
        "name": profile.name,
        "url": url,
        "address": _address(profile),
        "additionalType": str(profile.kind_label),
    }
    if profile.name_ar:
        data["alternateName"] = profile.name_ar
    if profile.description:
        data["description"] = profile.description
    if profile.founding_year:
        data["foundingDate"] = str(profile.founding_year)
    if profile.website:
        data["sameAs"] = [profile.website, *profile.social_links]
    elif profile.social_links:
        data["sameAs"] = list(profile.social_links)
    if profile.logo:
        data["logo"] = profile.logo.url
    topics = [str(item.name) for item in (*profile.strategic_axes, *profile.specialized_groups)]
    if topics:
        data["knowsAbout"] = topics
    if profile.languages:
        data["knowsLanguage"] = list(profile.languages)
    return data
