package io.cartwright.order.web;

import java.util.List;
import java.util.Map;

import io.cartwright.order.order.IllegalOrderTransitionException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem detail with a stable {@code type}: domain
 * exceptions here, Spring MVC's own (bad JSON, unsupported method, …) through the base
 * class. Validation failures list each field with its message.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail notFound(ResourceNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return Problems.of(HttpStatus.CONFLICT, ex.problem(), "Conflict", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail illegalTransition(IllegalOrderTransitionException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "illegal-order-transition", "Conflict",
				ex.getMessage());
		problem.setProperty("status_from", ex.from().name());
		problem.setProperty("status_to", ex.to().name());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unprocessable(UnprocessableException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ex.problem(), "Unprocessable request", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badRequest(BadRequestException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, ex.problem(), "Bad request", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException ex) {
		log.warn("Answering 503 {}: {}", ex.problem(), ex.getCause() != null ? ex.getCause().toString() : "");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ex.problem(), "Service unavailable", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.problem(), "Too many requests", ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		log.debug("Concurrent change refused", ex);
		return Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Conflict",
				"Someone else changed this resource at the same time; read it again and retry.");
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Bad request",
				"'%s' is not a valid value for %s".formatted(ex.getValue(), ex.getName()));
	}

	@ExceptionHandler
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has invalid fields.");
		problem.setProperty("errors",
				ex.getConstraintViolations()
					.stream()
					.map((violation) -> fieldError(violation.getPropertyPath().toString(), violation.getMessage()))
					.toList());
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has invalid fields.");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> fieldError(error.getField(), message(error)))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has invalid parameters.");
		problem.setProperty("errors", ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
			.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	private static String message(FieldError error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	private static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", field, "message", message);
	}

}
