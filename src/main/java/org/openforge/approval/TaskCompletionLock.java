package org.openforge.approval;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.engagement.EngagementRepository;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serialises a task completion through engine REST (what Tasklist and scripts call) with our API's decision on the
 * same approval: the request runs in one transaction that first locks the engagement row, as
 * {@link ApprovalService#decide} does before it completes the task. The engine's command joins that transaction and
 * reads the task only after the lock is granted, so the loser finds the task gone (404) or the approval decided (400),
 * never a half-read task (the engine fails on those with a 500).
 */
@Configuration
public class TaskCompletionLock {

  /** POST …/task/{id}/complete or …/submit-form, under engine REST and under the webapps' engine API. */
  static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)/?$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> taskCompletionLockFilter(ApprovalRepository approvals,
      EngagementRepository engagements, TransactionTemplate transactions) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(approvals, engagements, transactions));
    registration.setName("task-completion-lock");
    registration.addUrlPatterns("/engine-rest/*", "/operaton/api/engine/*");
    registration.setOrder(200); // after authentication (100): an anonymous caller takes no lock
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final ApprovalRepository approvals;
    private final EngagementRepository engagements;
    private final TransactionTemplate transactions;

    Filter(ApprovalRepository approvals, EngagementRepository engagements, TransactionTemplate transactions) {
      this.approvals = approvals;
      this.engagements = engagements;
      this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher m = COMPLETION.matcher(request.getRequestURI());
      Approval approval = m.matches() ? approvals.findByTask(m.group(1)).orElse(null) : null;
      if (approval == null) {
        chain.doFilter(request, response); // not an approval task: nothing of ours to serialise
        return;
      }
      Exception[] failure = new Exception[1];
      transactions.executeWithoutResult(status -> {
        engagements.lock(approval.engagementId());
        Approval now = approvals.find(approval.id()).orElse(approval);
        if (now.status() != ApprovalStatus.PENDING) {
          // decided while this request waited: refused here, the same answer on engine REST and the webapps' API
          // (whose engine resources would make the vanished task a 500)
          refuse(response, "the task's approval was already " + now.status().value());
          return;
        }
        try {
          chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
          failure[0] = e;
          status.setRollbackOnly();
        }
        // a refused completion marked the shared transaction rollback-only: roll back quietly, the engine REST
        // resource already answered the client with its error
        if (status.isRollbackOnly()) {
          status.setRollbackOnly();
        }
      });
      if (failure[0] instanceof IOException io) {
        throw io;
      }
      if (failure[0] instanceof ServletException se) {
        throw se;
      }
    }

    /** A 400 in the engine REST API's error format, as its BadUserRequestException would be. */
    private static void refuse(HttpServletResponse response, String message) {
      try {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"BadUserRequestException\",\"message\":\""
            + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"code\":0}");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
