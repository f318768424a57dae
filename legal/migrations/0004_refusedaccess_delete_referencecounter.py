# Refused attempts on legal requests (legal.refusals); references are random now
# (legal.records.random_reference), so the per-year counter goes.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('legal', '0003_attachment_public_id'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='RefusedAccess',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='when')),
                ('address', models.CharField(blank=True, max_length=45, verbose_name='IP address')),
                ('method', models.CharField(max_length=10, verbose_name='method')),
                ('path', models.CharField(max_length=300, verbose_name='path')),
                ('reference', models.CharField(blank=True, max_length=20, verbose_name='reference')),
                ('hq_notified', models.BooleanField(default=False)),
                ('request', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='refusals', to='legal.legalrequest', verbose_name='legal request')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='person')),
            ],
            options={
                'verbose_name': 'refused attempt',
                'verbose_name_plural': 'refused attempts',
                'ordering': ['-at', '-pk'],
                'indexes': [models.Index(fields=['user', 'at'], name='legal_refus_user_id_8cab7d_idx')],
            },
        ),
        migrations.DeleteModel(
            name='ReferenceCounter',
        ),
    ]
