"""The "LMS authors" group: everything a course author needs in the Wagtail admin, made by the plugin
itself after every migrate (no demo needed): write, preview and publish course, module and assessment
pages; edit skills, policies and certificate designs; add and choose images and documents."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

AUTHORS_GROUP = "LMS authors"

# (app label, model, actions): model permissions for the snippets and media authors work with.
MODEL_PERMISSIONS = [
    ("lms_courses", "skill", ("add", "change", "delete", "view")),
    ("lms_courses", "policy", ("add", "change", "delete", "view", "publish")),
    ("lms_certificates", "certificatedesign", ("add", "change", "view")),
    ("wagtailimages", "image", ("add", "change", "choose")),
    ("wagtaildocs", "document", ("add", "change", "choose")),
]
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
COLLECTION_PERMISSIONS = (
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
)


def ensure_authors_group(sender, using="default", **kwargs):
    """Create or complete the group; idempotent, and it never takes away what a site added to it."""
    needed = {label for label, _, _ in MODEL_PERMISSIONS} | {"wagtailadmin", "wagtailcore"}
    if not all(apps.is_installed(_module(label)) for label in needed):
        return
    for label in needed:
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    group, _ = Group.objects.using(using).get_or_create(name=AUTHORS_GROUP)
    wanted = [("wagtailadmin", "access_admin")]
    wanted += [
        (label, f"{action}_{model}") for label, model, actions in MODEL_PERMISSIONS for action in actions
    ]
    for label, codename in wanted:
        permission = (
            Permission.objects.using(using).filter(content_type__app_label=label, codename=codename).first()
        )
        if permission is not None:
            group.permissions.add(permission)
    root = Page.get_first_root_node()
    if root is not None:
        for codename in PAGE_PERMISSIONS:
            permission = Permission.objects.using(using).get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.using(using).get_or_create(
                group=group, page=root, permission=permission
            )
    collection = Collection.get_first_root_node()
    if collection is not None:
        for codename in COLLECTION_PERMISSIONS:
            permission = Permission.objects.using(using).filter(codename=codename).first()
            if permission is not None:
                GroupCollectionPermission.objects.using(using).get_or_create(
                    group=group, collection=collection, permission=permission
                )


def _module(label: str) -> str:
    return {
        "lms_courses": "courses",
        "lms_certificates": "certificates",
        "wagtailimages": "wagtail.images",
        "wagtaildocs": "wagtail.documents",
        "wagtailadmin": "wagtail.admin",
        "wagtailcore": "wagtail",
    }[label]
