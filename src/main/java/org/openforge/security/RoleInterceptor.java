package org.openforge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link RequiresRole} (or the read/write defaults) on every API handler; registered for /api/v1/**, which
 * Spring matches on the routed path.
 */
@Component
public class RoleInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    RequiresRole annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresRole.class);
    if (annotation == null) {
      annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresRole.class);
    }
    Role required = annotation != null ? annotation.value()
        : ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) ? Role.VIEWER : Role.ENGINEER);
    Caller.current().require(required, request.getMethod() + " " + request.getRequestURI());
    return true;
  }
}
