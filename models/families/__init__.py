"""The families: one folder each, and this is the one list of them.

Importing a family registers everything it brings (presets, options, recipe, join checks, the datasets it
trains on). To add a family, add its folder and one line below; see models/README.md.
"""
from . import supervised  # noqa: F401
from . import localize  # noqa: F401
from . import recurrent  # noqa: F401
from . import gan  # noqa: F401
from . import vae  # noqa: F401
from . import word2vec  # noqa: F401
