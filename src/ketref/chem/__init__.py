"""Structure chemistry with RDKit: parsing, computed identity, stereo relations, depiction.

RDKit is imported only inside these modules, and only when a function here is called.
"""
