# A UUID for each attachment, for its URLs: existing rows each get their own before the
# column becomes unique (Django's recipe for adding a unique field to a table with rows).

import uuid

from django.db import migrations, models


def give_each_attachment_a_public_id(apps, schema_editor):
    Attachment = apps.get_model("legal", "Attachment")
    for attachment in Attachment.objects.filter(public_id=None).only("pk"):
        attachment.public_id = uuid.uuid4()
        attachment.save(update_fields=["public_id"])


class Migration(migrations.Migration):

    dependencies = [
        ('legal', '0002_attachment_storage_from_settings'),
    ]

    operations = [
        migrations.AddField(
            model_name='attachment',
            name='public_id',
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_attachment_a_public_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='attachment',
            name='public_id',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
