"""One package per emulated vendor, each exporting a :class:`~mockdesk.core.vendor.VendorSpec`
named ``SPEC``; ``registry.py`` lists them.

The file contract: every vendor package has the same files doing the same jobs, so a reader
who knows one knows all five.

============== =================================================================================
``__init__``   the ``SPEC`` (paths, auth, rate limit, list and detail endpoints as data), the
               decisions docstring, the rate-limit header renderer, and detail ``locate`` hooks
``data``       ticket model, catalog (related entities), generator, catalog queries
``serializer`` ticket (and related entity) → JSON, nothing else
``fixtures``   marshmallow schema of a pinned ticket in the vendor's shape + ``load_fixture``
``query``      the query schema(s) and ``criteria()``
``envelope``   pure list and detail bodies (page numbers, links, cursors, included, meta), and
               the list's ``page``/``check``/``order`` hooks when the vendor needs its own
``errors``     the renderer of typed problems, nothing else
``routes``     endpoints only this vendor has (a token endpoint, lookups…); optional
``openapi``    the hand-written parts of the vendor's OpenAPI document (response schemas,
               security schemes); the rest is generated from ``query`` and ``errors``
============== =================================================================================

A vendor may add a module for one job the others do not have (Teamwork's ``filtering`` and
``ordering``, IPPanel's ``texts``). JSON styles are named after the framework that writes
them (``core.encoding.LARAVEL``, ``GO_ENCODER``…), so renderers and specs share them without
importing the package's ``__init__``. Only ``routes`` may import ``flask.request`` or
``flask.g``; everything else receives what it needs as arguments.
"""
