package th.raingan.people;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.raingan.engine.SignedIn;

/**
 * The same as the Tasklist screens, over HTTP Basic for scripts:
 * {@code GET/PUT /api/people/me}, {@code GET/PUT /api/people/users/{id}}, {@code GET
 * /api/people/offices/{code}} and {@code POST /api/people/import[?takeValidRows=true]}
 * with the CSV file as the body.
 */
@RestController
@RequestMapping("/api/people")
class PeopleController {

	private final PeopleApi api;

	private final IdentityService identity;

	PeopleController(PeopleApi api, IdentityService identity) {
		this.api = api;
		this.identity = identity;
	}

	@GetMapping("/me")
	ResponseEntity<Object> me() {
		return answer(api.me(user()));
	}

	@PutMapping("/me")
	ResponseEntity<Object> updateMe(@RequestBody Map<String, Object> body) {
		return answer(api.updateMe(user(), body));
	}

	@GetMapping("/offices")
	ResponseEntity<Object> offices() {
		return answer(api.offices(user()));
	}

	@GetMapping("/offices/{code}")
	ResponseEntity<Object> people(@PathVariable String code) {
		return answer(api.peopleOf(user(), code));
	}

	@GetMapping("/users/{id}")
	ResponseEntity<Object> user(@PathVariable String id) {
		return answer(api.user(user(), id));
	}

	@PutMapping("/users/{id}")
	ResponseEntity<Object> updateUser(@PathVariable String id, @RequestBody Map<String, Object> body) {
		return answer(api.updateUser(user(), id, body));
	}

	@PostMapping("/import")
	ResponseEntity<Object> importPeople(@RequestBody(required = false) byte[] csv,
			@RequestParam(defaultValue = "false") boolean takeValidRows) {
		return answer(api.importPeople(user(), csv, takeValidRows));
	}

	private String user() {
		SignedIn authentication = SignedIn.current(identity).orElse(null);
		return authentication == null ? null : authentication.userId();
	}

	private static ResponseEntity<Object> answer(PeopleApi.Answer answer) {
		return ResponseEntity.status(answer.status()).body(answer.body());
	}

}
