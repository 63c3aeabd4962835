-- The citizen's name as it may be published (from the CPR register; a protected person's is
-- MedCom's ADRESSEBESKYTTET), kept with each document for PID-5 of the registry's sourcePatientInfo,
-- which the Danish XDS metadata profile requires. Documents stored before this have none.
ALTER TABLE repository.document
    ADD COLUMN patient_family text,
    ADD COLUMN patient_given  text[];

-- the published view gains the two columns at its end (grants on the view stay)
CREATE OR REPLACE VIEW repository.document_metadata AS
SELECT unique_id, entry_uuid, family, citizen_cpr, partition_key, status, replaces_unique_id,
       author_name, author_sor, class_code, class_code_scheme, class_code_display,
       type_code, type_code_scheme, type_code_display, format_code, format_code_scheme, format_code_display,
       confidentiality_code, language_code, facility_type_code, facility_type_display,
       practice_setting_code, practice_setting_display, event_codes, title, creation_time,
       service_start_time, service_stop_time, mime_type, hash_sha1, size_bytes,
       repository_unique_id, home_community_id, patient_family, patient_given
FROM repository.document;
