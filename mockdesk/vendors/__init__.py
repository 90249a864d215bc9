"""One package per emulated vendor, each exporting a VendorSpec named SPEC."""
