package org.openforge.system;

/** Validated paging parameters: page is 1-based, page_size 1..100. */
public record PageRequest(int page, int pageSize) {

  public static final int MAX_PAGE_SIZE = 100;

  public static PageRequest of(Integer page, Integer pageSize) {
    int p = page == null ? 1 : page;
    int s = pageSize == null ? 20 : pageSize;
    if (p < 1) {
      throw ApiException.invalid("page", "must be 1 or more");
    }
    if (s < 1 || s > MAX_PAGE_SIZE) {
      throw ApiException.invalid("page_size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    return new PageRequest(p, s);
  }

  public int offset() {
    return (page - 1) * pageSize;
  }
}
