"""The vendor-neutral core: data, paging, auth, rate limits and the one request flow."""
