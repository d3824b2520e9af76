def test_start_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Apply for social housing" in response.get_data(as_text=True)
