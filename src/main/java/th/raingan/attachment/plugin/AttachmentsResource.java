package th.raingan.attachment.plugin;

import static th.raingan.web.PluginAnswers.fileName;
import static th.raingan.web.PluginAnswers.refuse;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

import th.raingan.attachment.Attachment;
import th.raingan.attachment.AttachmentAccess;
import th.raingan.attachment.AttachmentAccess.ReportTask;
import th.raingan.attachment.AttachmentRefused;
import th.raingan.attachment.AttachmentService;
import th.raingan.org.People;

/**
 * A report's files, for whoever may see one of its tasks; uploads and deletions on its
 * open draft only. Every refusal answers with a Thai {@code message}. Uploads are one
 * file per request (the page sends several at once, each with its own progress), the file
 * as the body and its name in {@code ?name=}. The body is read as a stream, only as far
 * as the checks need (its size is bounded before, by {@code web.RequestBounds}).
 */
public class AttachmentsResource extends AbstractTasklistPluginResource {

	private final AttachmentService attachments;

	private final AttachmentAccess access;

	private final People people;

	AttachmentsResource(String engineName, AttachmentService attachments, AttachmentAccess access, People people) {
		super(engineName);
		this.attachments = attachments;
		this.access = access;
		this.people = people;
	}

	@GET
	@Path("tasks/{taskId}/attachments")
	@Produces(MediaType.APPLICATION_JSON)
	public Response list(@PathParam("taskId") String taskId) {
		ReportTask task = access.task(taskId).orElse(null);
		if (task == null) {
			return refuse(Status.NOT_FOUND, "ไม่พบงานนี้ หรือท่านไม่มีสิทธิ์ดูไฟล์ของรายงานนี้");
		}
		List<Map<String, Object>> files = attachments.list(task.businessKey()).stream().map(this::json).toList();
		Map<String, Object> answer = new java.util.LinkedHashMap<>(Map.of("files", files, "editable", task.draft()));
		answer.put("slot", task.slot());
		return Response.ok(answer).build();
	}

	@POST
	@Path("tasks/{taskId}/attachments")
	@Consumes(MediaType.WILDCARD)
	@Produces(MediaType.APPLICATION_JSON)
	public Response add(@PathParam("taskId") String taskId, @QueryParam("name") String name,
			@QueryParam("kind") String kind, @HeaderParam("Content-Length") Long length, InputStream content) {
		ReportTask task = access.task(taskId).orElse(null);
		if (task == null) {
			return refuse(Status.NOT_FOUND, "ไม่พบงานนี้ หรือท่านไม่มีสิทธิ์แนบไฟล์ในรายงานนี้");
		}
		if (!task.draft()) {
			return refuse(Status.FORBIDDEN, "แนบไฟล์ได้เฉพาะขณะอำเภอจัดทำรายงาน รายงานนี้ส่งแล้ว");
		}
		try {
			return Response
				.ok(json(attachments.add(task.businessKey(), name, content, length == null ? -1 : length, task.userId(),
						kind)))
				.build();
		}
		catch (AttachmentRefused ex) {
			return refuse(Status.BAD_REQUEST, ex.getMessage());
		}
	}

	@DELETE
	@Path("tasks/{taskId}/attachments/{id}")
	@Produces(MediaType.APPLICATION_JSON)
	public Response delete(@PathParam("taskId") String taskId, @PathParam("id") long id) {
		ReportTask task = access.task(taskId).orElse(null);
		Attachment file = attachments.find(id).orElse(null);
		if (task == null || file == null || !file.businessKey().equals(task.businessKey())) {
			return refuse(Status.NOT_FOUND, "ไม่พบไฟล์นี้ในรายงาน");
		}
		if (!task.draft()) {
			return refuse(Status.FORBIDDEN, "ลบไฟล์ได้เฉพาะขณะอำเภอจัดทำรายงาน");
		}
		try {
			attachments.delete(file);
			return Response.noContent().build();
		}
		catch (AttachmentRefused ex) {
			return refuse(Status.CONFLICT, ex.getMessage());
		}
	}

	@GET
	@Path("attachments/{id}")
	public Response download(@PathParam("id") long id, @QueryParam("inline") boolean inline) {
		Attachment file = attachments.find(id).orElse(null);
		if (file == null || !access.canRead(file.businessKey())) {
			return refuse(Status.NOT_FOUND, "ไม่พบไฟล์นี้ หรือท่านไม่มีสิทธิ์เปิด");
		}
		String encoded = fileName(file.fileName());
		return Response.ok(attachments.content(id), file.mediaType())
			// a photo or a PDF asked for on screen (the tab's viewer) opens in the
			// browser; everything else downloads
			.header("Content-Disposition",
					(inline && viewable(file.mediaType()) ? "inline" : "attachment") + "; filename*=UTF-8''" + encoded)
			.header("X-Content-Type-Options", "nosniff")
			.build();
	}

	static boolean viewable(String mediaType) {
		return mediaType != null && (mediaType.equals("image/jpeg") || mediaType.equals("image/png")
				|| mediaType.equals("application/pdf"));
	}

	private Map<String, Object> json(Attachment a) {
		Map<String, Object> json = new java.util.LinkedHashMap<>(Map.of("id", a.id(), "name", a.fileName(), "type",
				a.mediaType(), "size", a.sizeBytes(), "originalSize", a.originalBytes(), "uploadedBy",
				people.displayName(a.uploadedBy()), "uploadedById", a.uploadedBy(), "uploadedAt",
				a.uploadedAt().getTime(), "submitted", a.reportVersionId() != null));
		json.put("kind", a.kind());
		return json;
	}

}
