"""A certificate's signature: the core's Ed25519 JWS (``core/signing.py``) of the certificate
kind. The PDF has it attached (``certificate.jws``) and the holder can download it."""

from capacity_lms.core import signing

TYPE = "capacity-lms-certificate+jws"


def sign(payload, private_key=None):
    """The certificate's compact JWS and the id of the key that signed it."""
    return signing.sign(payload, typ=TYPE, private_key=private_key)


def verify(token, keys=None):
    """The certificate's :class:`~capacity_lms.core.signing.Verified` payload; raises
    :class:`~capacity_lms.core.signing.NotGenuine` for anything else, signed minutes included."""
    return signing.verify(token, typ=TYPE, keys=keys)
